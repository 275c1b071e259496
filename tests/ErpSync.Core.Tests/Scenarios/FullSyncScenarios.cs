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

    [Fact]
    public async Task SyncDocType_RunTwice_SecondRunFetchesNothingAndWritesNothing()
    {
        var type = NoteType();
        for (var i = 0; i < 10; i++)
            sites.Db(i % 2 == 0 ? SiteName.Cloud : SiteName.Local).Insert(type, Note("note " + i, i));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var first = await harness.SyncDocTypeAsync(type);
        first.Success.ShouldBe(10);
        var cloudBefore = sites.CloudDb.List(type).ToDictionary(d => Name(d), d => Text(d, "modified"));
        var localBefore = sites.LocalDb.List(type).ToDictionary(d => Name(d), d => Text(d, "modified"));
        var logs = (await harness.LogsAsync(type)).Count;
        harness.ResetCounts();

        var second = await harness.SyncDocTypeAsync(type);

        second.Total.ShouldBe(10);
        second.Skipped.ShouldBe(10);
        second.Success.ShouldBe(0);
        second.Outcomes.ShouldBeEmpty();
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);
        harness.Cloud.Calls("get").ShouldBe(0);
        harness.Local.Calls("get").ShouldBe(0);
        sites.CloudDb.List(type).ToDictionary(d => Name(d), d => Text(d, "modified")).ShouldBe(cloudBefore);
        sites.LocalDb.List(type).ToDictionary(d => Name(d), d => Text(d, "modified")).ShouldBe(localBefore);
        (await harness.LogsAsync(type)).Count.ShouldBe(logs);
        (await harness.RecordsAsync(type)).ShouldAllBe(r => r.Status == SyncStatus.Synced);
    }

    [Fact]
    public async Task SyncDocType_DryRun_ReportsThePlanAndWritesNothingAnywhere()
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var synced = Name(sites.CloudDb.Insert(type, Note("synced")));
        (await harness.SyncAsync(type, SiteName.Cloud, synced)).Kind.ShouldBe(SyncOutcomeKind.Applied);
        sites.CloudDb.Update(type, synced, new JsonObject { ["qty"] = 5 });
        sites.CloudDb.Insert(type, Note("new on cloud"));
        sites.LocalDb.Insert(type, Note("new on local"));
        var records = await harness.RecordsAsync(type);
        var logs = (await harness.LogsAsync(type)).Count;
        var cloudCount = sites.CloudDb.Count(type);
        var localCount = sites.LocalDb.Count(type);
        harness.ResetCounts();

        var plan = await harness.SyncDocTypeAsync(type, new SyncRunOptions { DryRun = true });

        plan.Success.ShouldBe(3);
        plan.Outcomes.Select(o => o.Action).Order().ShouldBe(["create", "create", "update"]);
        plan.Outcomes.ShouldAllBe(o => o.Message!.StartsWith("would ", StringComparison.Ordinal));
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);
        sites.CloudDb.Count(type).ShouldBe(cloudCount);
        sites.LocalDb.Count(type).ShouldBe(localCount);
        (await harness.RecordsAsync(type)).ShouldBe(records);
        (await harness.LogsAsync(type)).Count.ShouldBe(logs);
    }

    [Fact]
    public async Task SyncDocType_Limit_HandlesThatManyAndReportsProgress()
    {
        var type = NoteType();
        for (var i = 0; i < 5; i++)
            sites.CloudDb.Insert(type, Note("limited " + i));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var events = new List<SyncProgress>();
        var progress = new SynchronousProgress(events);

        var limited = await harness.SyncDocTypeAsync(type, new SyncRunOptions { Limit = 2 }, progress);

        limited.Success.ShouldBe(2);
        sites.LocalDb.Count(type).ShouldBe(2);
        events.Count.ShouldBe(3);
        events[0].Latest.ShouldBeNull();
        events[^1].Done.ShouldBe(2);
        events.ShouldAllBe(e => e.DocType == type && e.Total == 2);

        var rest = await harness.SyncDocTypeAsync(type);
        rest.Success.ShouldBe(3);
        rest.Skipped.ShouldBe(2);
        sites.LocalDb.Count(type).ShouldBe(5);
    }

    [Fact]
    public async Task SyncDocType_FieldOnlyOneSiteHas_IsNeitherComparedNorCopiedAndIsReportedAsDrift()
    {
        var type = DocType(sites, "Drift Note", "hash", NoteFields, localOnly: ["local_remark:Data"]);
        var name = Name(sites.CloudDb.Insert(type, Note("drifting")));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var created = await harness.SyncAsync(type, SiteName.Cloud, name);
        sites.LocalDb.Update(type, created.LocalName!, new JsonObject { ["local_remark"] = "only here" });
        harness.ResetCounts();

        var outcome = await harness.SyncAsync(type, SiteName.Local, created.LocalName!);
        var summary = await harness.SyncDocTypeAsync(type);
        var drift = (await harness.Engine.InspectSchemaAsync(TestContext.Current.CancellationToken)).ShouldHaveSingleItem();

        outcome.Kind.ShouldBe(SyncOutcomeKind.Skipped, outcome.Message);
        summary.Success.ShouldBe(0);
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);
        Text(sites.LocalDb.Get(type, created.LocalName!), "local_remark").ShouldBe("only here");
        drift.DocType.ShouldBe(type);
        drift.HasDrift.ShouldBeTrue();
        drift.OnlyOnLocal.ShouldBe(["local_remark"]);
        drift.OnlyOnCloud.ShouldBeEmpty();
    }

    [Fact]
    public async Task SyncDocType_SameNamedDocTypes_KeepNamesPairEqualDocumentsAndFlagDifferentOnes()
    {
        var byField = DocType(sites, "Code Note", "field:code", ["code:Data", "title:Data"]);
        var byPrompt = DocType(sites, "Prompt Note", "Prompt", ["title:Data"]);
        var onlyCloud = Name(sites.CloudDb.Insert(byField, new JsonObject { ["code"] = "C-1", ["title"] = "cloud only" }));
        sites.CloudDb.Insert(byField, new JsonObject { ["code"] = "C-2", ["title"] = "same on both" });
        sites.LocalDb.Insert(byField, new JsonObject { ["code"] = "C-2", ["title"] = "same on both" });
        sites.CloudDb.Insert(byField, new JsonObject { ["code"] = "C-3", ["title"] = "cloud's version" });
        sites.LocalDb.Insert(byField, new JsonObject { ["code"] = "C-3", ["title"] = "local's version" });
        var prompted = Name(sites.LocalDb.Insert(byPrompt, new JsonObject { ["name"] = "Chosen Name", ["title"] = "named by a person" }));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([byField, byPrompt]));

        var summary = await harness.SyncAllAsync();

        onlyCloud.ShouldBe("C-1");
        Text(sites.LocalDb.Get(byField, "C-1"), "title").ShouldBe("cloud only");
        prompted.ShouldBe("Chosen Name");
        Text(sites.CloudDb.Get(byPrompt, "Chosen Name"), "title").ShouldBe("named by a person");
        summary.Conflicts.ShouldBe(1);
        var equal = (await harness.RecordAsync(byField, SiteName.Cloud, "C-2"))!;
        equal.Status.ShouldBe(SyncStatus.Synced);
        equal.LocalName.ShouldBe("C-2");
        var different = (await harness.RecordAsync(byField, SiteName.Cloud, "C-3"))!;
        different.Status.ShouldBe(SyncStatus.Conflict);
        (await harness.ConflictsAsync(byField)).ShouldHaveSingleItem().Reason!.ShouldContain("no common base");
        Text(sites.CloudDb.Get(byField, "C-3"), "title").ShouldBe("cloud's version");
        Text(sites.LocalDb.Get(byField, "C-3"), "title").ShouldBe("local's version");
        sites.CloudDb.Count(byField).ShouldBe(3);
        sites.LocalDb.Count(byField).ShouldBe(3);
    }

    private sealed class SynchronousProgress(List<SyncProgress> events) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value)
        {
            lock (events)
                events.Add(value);
        }
    }
}
