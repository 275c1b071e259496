using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using static ErpSync.Core.Tests.Scenarios.ScenarioData;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>Crashes, lost answers, sites going down and a wiped state database: nothing is lost and nothing is created twice.</summary>
public sealed class RecoveryScenarios(ScenarioSites sites) : IClassFixture<ScenarioSites>
{
    private static readonly string[] NoteFields = ["title:Data", "qty:Int"];

    private string NoteType() => DocType(sites, "Rec Note", "hash", NoteFields);

    private static JsonObject Note(string title, int qty = 1) => new() { ["title"] = title, ["qty"] = qty };

    private int CountTitled(SiteName site, string type, string title) =>
        sites.Db(site).List(type).Count(d => Text(d, "title") == title);

    [Fact]
    public async Task SyncDocument_CrashBetweenInsertAndCommit_RestartPairsTheCopyInsteadOfDuplicating()
    {
        var type = NoteType();
        var name = Name(sites.CloudDb.Insert(type, Note("survives a crash")));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        harness.Local.AfterInsert = (_, _) => throw new SimulatedCrash();

        await Should.ThrowAsync<SimulatedCrash>(() => harness.SyncAsync(type, SiteName.Cloud, name));
        CountTitled(SiteName.Local, type, "survives a crash").ShouldBe(1);
        var writeAhead = (await harness.RecordAsync(type, SiteName.Cloud, name))!;
        writeAhead.LocalName.ShouldBeNull();
        writeAhead.BaseSnapshot.ShouldNotBeNull();

        harness.Local.AfterInsert = null;
        harness.Restart();
        var outcome = await harness.SyncAsync(type, SiteName.Cloud, name);
        var second = await harness.SyncDocTypeAsync(type);

        outcome.Kind.ShouldNotBe(SyncOutcomeKind.Failed, outcome.Message);
        CountTitled(SiteName.Local, type, "survives a crash").ShouldBe(1);
        CountTitled(SiteName.Cloud, type, "survives a crash").ShouldBe(1);
        var record = (await harness.RecordAsync(type, SiteName.Cloud, name))!;
        record.Status.ShouldBe(SyncStatus.Synced);
        record.LocalName.ShouldBe(Name(sites.LocalDb.List(type).Single(d => Text(d, "title") == "survives a crash")));
        (await harness.LogsAsync(type)).ShouldContain(l => l.Action == "pair");
        second.Success.ShouldBe(0);
        second.Failed.ShouldBe(0);
    }

    [Fact]
    public async Task SyncDocument_CrashThenTheCopysOwnWebhookFirst_RecognisesTheCopyAndSendsNothingBack()
    {
        var type = NoteType();
        var name = Name(sites.LocalDb.Insert(type, Note("echo after crash")));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        string? copy = null;
        harness.Cloud.AfterInsert = (_, created) =>
        {
            copy = Name(created);
            throw new SimulatedCrash();
        };
        await Should.ThrowAsync<SimulatedCrash>(() => harness.SyncAsync(type, SiteName.Local, name));
        harness.Cloud.AfterInsert = null;
        harness.Restart();

        var echo = await harness.SyncAsync(type, SiteName.Cloud, copy!);

        echo.Kind.ShouldNotBe(SyncOutcomeKind.Failed, echo.Message);
        CountTitled(SiteName.Cloud, type, "echo after crash").ShouldBe(1);
        CountTitled(SiteName.Local, type, "echo after crash").ShouldBe(1);
        var record = (await harness.RecordAsync(type, SiteName.Cloud, copy!))!;
        record.LocalName.ShouldBe(name);
        (await harness.RecordsAsync(type)).Count.ShouldBe(1);
        (await harness.SyncAsync(type, SiteName.Local, name)).Kind.ShouldBe(SyncOutcomeKind.Skipped);
        (await harness.RecordAsync(type, SiteName.Local, name))!.Status.ShouldBe(SyncStatus.Synced);
    }

    [Fact]
    public async Task SyncDocType_SiteFailingAndLosingAnswersMidRun_NextRunConvergesWithoutDuplicates()
    {
        var type = NoteType();
        for (var i = 0; i < 12; i++)
            sites.CloudDb.Insert(type, Note("flaky " + i, i));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        // Once the lists are read, local's answers are lost (a proxy failing after the site committed): every
        // insert creates its document, yet the engine only sees 500/502.
        harness.Local.BeforeInsert = _ =>
        {
            sites.Local.Faults.ErrorStatuses = [500, 502];
            sites.Local.Faults.ErrorsAfterProcessing = true;
            sites.Local.Faults.ErrorRate = 1;
        };

        var broken = await harness.SyncDocTypeAsync(type);

        sites.Local.Faults.Reset();
        harness.Local.BeforeInsert = null;
        broken.Total.ShouldBe(12);
        broken.Failed.ShouldBe(12);
        broken.Outcomes.ShouldAllBe(o => o.Kind == SyncOutcomeKind.Failed && o.Action == "create");
        sites.LocalDb.Count(type).ShouldBe(12);
        (await harness.RecordsAsync(type)).ShouldAllBe(r => r.LocalName == null && r.BaseSnapshot != null && r.Status == SyncStatus.Error);

        var healed = await harness.SyncDocTypeAsync(type);
        var idle = await harness.SyncDocTypeAsync(type);

        healed.Failed.ShouldBe(0);
        healed.Outcomes.Count.ShouldBe(12);
        (await harness.LogsAsync(type)).Count(l => l.Action == "pair").ShouldBe(12);
        idle.Success.ShouldBe(0);
        idle.Skipped.ShouldBe(12);
        sites.LocalDb.Count(type).ShouldBe(12);
        for (var i = 0; i < 12; i++)
            CountTitled(SiteName.Local, type, "flaky " + i).ShouldBe(1);
        var records = await harness.RecordsAsync(type);
        records.Count.ShouldBe(12);
        records.ShouldAllBe(r => r.Status == SyncStatus.Synced && r.LocalName != null);
    }

    [Fact]
    public async Task SyncDocType_SiteDownWhileListing_FailsTheRunWithoutTouchingAnythingAndResumesLater()
    {
        var type = NoteType();
        sites.LocalDb.Insert(type, Note("waits for cloud"));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        (await harness.Engine.InspectSchemaAsync(TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        sites.Cloud.Faults.Down = true;

        var down = await harness.SyncDocTypeAsync(type);

        sites.Cloud.Faults.Down = false;
        var failure = down.Outcomes.ShouldHaveSingleItem();
        failure.Kind.ShouldBe(SyncOutcomeKind.Failed);
        failure.Action.ShouldBe("list");
        failure.IsTransient.ShouldBeTrue();
        (await harness.RecordsAsync(type)).ShouldBeEmpty();
        harness.Local.Writes.ShouldBe(0);

        var up = await harness.SyncDocTypeAsync(type);

        up.Success.ShouldBe(1);
        CountTitled(SiteName.Cloud, type, "waits for cloud").ShouldBe(1);
    }

    [Fact]
    public async Task SyncDocType_StateDatabaseWiped_RePairsEveryDocumentWithoutDuplicates()
    {
        var type = NoteType();
        for (var i = 0; i < 4; i++)
            sites.Db(i % 2 == 0 ? SiteName.Cloud : SiteName.Local).Insert(type, Note("kept " + i, i));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        (await harness.SyncDocTypeAsync(type)).Success.ShouldBe(4);
        (await harness.Store.DeleteRecordsAsync(type, null, TestContext.Current.CancellationToken)).ShouldBe(4);
        harness.ResetCounts();

        var repaired = await harness.SyncDocTypeAsync(type);

        repaired.Success.ShouldBe(4);
        repaired.Outcomes.ShouldAllBe(o => o.Action == "pair");
        harness.Cloud.Calls("insert").ShouldBe(0);
        harness.Local.Calls("insert").ShouldBe(0);
        sites.CloudDb.Count(type).ShouldBe(4);
        sites.LocalDb.Count(type).ShouldBe(4);
        (await harness.RecordsAsync(type)).ShouldAllBe(r => r.Status == SyncStatus.Synced && r.CloudName != null && r.LocalName != null);
        (await harness.SyncDocTypeAsync(type)).Success.ShouldBe(0);
    }

    private sealed class SimulatedCrash : Exception
    {
        public SimulatedCrash()
            : base("the process died here")
        {
        }
    }
}
