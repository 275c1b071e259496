using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using static ErpSync.Core.Tests.Scenarios.ScenarioData;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>Full reconciliations of a DocType over two emulated sites; each test defines its own DocTypes, so tests never see each other's documents.</summary>
public sealed class FullSyncScenarios(ScenarioSites sites) : IClassFixture<ScenarioSites>
{
    private static readonly string[] NoteFields = ["title:Data", "body:Small Text", "qty:Int", "amount:Currency"];

    private string NoteType(string autoname = "hash") => DocType(sites, "Scn Note", autoname, NoteFields);

    private static JsonObject Note(string title, int qty = 1) => new() { ["title"] = title, ["body"] = "about " + title, ["qty"] = qty, ["amount"] = qty * 2.5 };

    [Fact]
    public async Task SyncDocType_NewDocumentsOnBothSites_CopiesEachWayAndPairsThem()
    {
        var type = NoteType();
        var a = Name(sites.CloudDb.Insert(type, Note("cloud A", 1)));
        var b = Name(sites.CloudDb.Insert(type, Note("cloud B", 2)));
        var c = Name(sites.LocalDb.Insert(type, Note("local C", 3)));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));

        var summary = await harness.SyncDocTypeAsync(type);

        summary.Success.ShouldBe(3);
        summary.Failed.ShouldBe(0);
        sites.CloudDb.Count(type).ShouldBe(3);
        sites.LocalDb.Count(type).ShouldBe(3);
        var records = await harness.RecordsAsync(type);
        records.Count.ShouldBe(3);
        records.ShouldAllBe(r => r.Status == SyncStatus.Synced && r.CloudName != null && r.LocalName != null && r.CloudHash == r.LocalHash);
        foreach (var record in records)
        {
            var cloud = sites.CloudDb.Get(type, record.CloudName!)!;
            var local = sites.LocalDb.Get(type, record.LocalName!)!;
            Text(local, "title").ShouldBe(Text(cloud, "title"));
            Number(local, "qty").ShouldBe(Number(cloud, "qty"));
        }

        records.Select(r => r.CloudName).ShouldContain(a);
        records.Select(r => r.CloudName).ShouldContain(b);
        records.Select(r => r.LocalName).ShouldContain(c);
        (await harness.LogsAsync(type)).Count(l => l.Action == "create").ShouldBe(3);
    }
}
