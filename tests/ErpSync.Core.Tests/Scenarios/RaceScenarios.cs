using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using ErpSync.Core.Configuration;
using ErpSync.Core.Decisions;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using static ErpSync.Core.Tests.Scenarios.ScenarioData;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>Events racing each other, direction rules, and what the engine reports to /metrics.</summary>
public sealed class RaceScenarios(ScenarioSites sites) : IClassFixture<ScenarioSites>
{
    private static readonly string[] NoteFields = ["title:Data", "qty:Int"];

    private static JsonObject Note(string title, int qty = 1) => new() { ["title"] = title, ["qty"] = qty };

    [Fact]
    public async Task SyncDocument_SameNewDocumentFromManyWorkersAtOnce_CopiedOnce()
    {
        var type = DocType(sites, "Race Note", "hash", NoteFields);
        var name = Name(sites.CloudDb.Insert(type, Note("raced")));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => harness.SyncAsync(type, SiteName.Cloud, name)));

        outcomes.Count(o => o.Action == "create").ShouldBe(1);
        outcomes.ShouldAllBe(o => o.Kind != SyncOutcomeKind.Failed);
        sites.LocalDb.Count(type).ShouldBe(1);
        harness.Local.Calls("insert").ShouldBe(1);
        (await harness.RecordsAsync(type)).ShouldHaveSingleItem().Status.ShouldBe(SyncStatus.Synced);
    }

    [Fact]
    public async Task SyncDocument_TwoDifferentNewDocumentsAtOnce_TheirInsertsOverlapAndEachIsCopiedOnce()
    {
        var type = DocType(sites, "Overlap Note", "hash", NoteFields);
        var first = Name(sites.CloudDb.Insert(type, Note("first", 1)));
        var second = Name(sites.CloudDb.Insert(type, Note("second", 2)));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var inFlight = 0;
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Each insert waits until the other one is in flight too: under a DocType-wide insert lock this never happens.
        harness.Local.HoldInsert = async _ =>
        {
            if (Interlocked.Increment(ref inFlight) == 2)
                both.TrySetResult();
            await both.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        };

        var outcomes = await Task.WhenAll(harness.SyncAsync(type, SiteName.Cloud, first), harness.SyncAsync(type, SiteName.Cloud, second));

        outcomes.ShouldAllBe(o => o.Kind == SyncOutcomeKind.Applied && o.Action == "create");
        sites.LocalDb.Count(type).ShouldBe(2);
        harness.Local.Calls("insert").ShouldBe(2);
        (await harness.RecordsAsync(type)).Select(r => r.Status).ShouldBe([SyncStatus.Synced, SyncStatus.Synced]);
    }

    [Fact]
    public async Task SyncDocument_CopysWebhookArrivesBeforeTheCreatorCommitted_IsAnEchoNotANewDocument()
    {
        var type = DocType(sites, "Echo Note", "hash", NoteFields);
        var name = Name(sites.LocalDb.Insert(type, Note("fast echo")));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        Task<SyncOutcome>? echo = null;
        harness.Cloud.AfterInsert = (_, created) => echo = Task.Run(() => harness.SyncAsync(type, SiteName.Cloud, Name(created)));

        var creator = await harness.SyncAsync(type, SiteName.Local, name);
        var echoed = await echo!;

        creator.Action.ShouldBe("create");
        echoed.Kind.ShouldBe(SyncOutcomeKind.Skipped, echoed.Message);
        sites.CloudDb.Count(type).ShouldBe(1);
        sites.LocalDb.Count(type).ShouldBe(1);
        harness.Local.Writes.ShouldBe(0);
        (await harness.RecordsAsync(type)).ShouldHaveSingleItem().CloudName.ShouldBe(creator.CloudName);
    }

    [Fact]
    public async Task SyncDocument_ReplicaUnderCloudToLocalRule_LocalEditsStayLocalAndCloudChangesAndSubmitsFlow()
    {
        var type = DocType(sites, "Replica Note", "hash", NoteFields, submittable: true);
        var rule = new DocTypeRule { Direction = SyncDirectionRule.CloudToLocal };
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type], perDocType: new Dictionary<string, DocTypeRule> { [type] = rule }));
        var cloudName = Name(sites.CloudDb.Insert(type, Note("master")));
        var created = await harness.SyncAsync(type, SiteName.Cloud, cloudName);
        var localName = created.LocalName!;
        var localOnly = Name(sites.LocalDb.Insert(type, Note("never leaves local")));

        sites.LocalDb.Update(type, localName, new JsonObject { ["qty"] = 99 });
        var blocked = await harness.SyncAsync(type, SiteName.Local, localName);
        var stays = await harness.SyncAsync(type, SiteName.Local, localOnly);
        sites.CloudDb.Submit(type, cloudName);
        var submitted = await harness.SyncAsync(type, SiteName.Cloud, cloudName);

        blocked.Kind.ShouldBe(SyncOutcomeKind.Skipped);
        blocked.Message!.ShouldContain("direction rule cloud_to_local");
        stays.Kind.ShouldBe(SyncOutcomeKind.Skipped);
        Number(sites.CloudDb.Get(type, cloudName), "qty").ShouldBe(1);
        sites.CloudDb.Count(type).ShouldBe(1);
        submitted.Kind.ShouldBe(SyncOutcomeKind.Applied, submitted.Message);
        var local = sites.LocalDb.Get(type, localName)!;
        Docstatus(local).ShouldBe(1);
        Number(local, "qty").ShouldBe(1);
        (await harness.LogsAsync(type)).ShouldContain(l => l.Action == "skip");
        (await harness.ConflictsAsync(type)).ShouldHaveSingleItem().Resolution.ShouldBe("cloud_wins");
    }

    [Fact]
    public async Task SyncDocType_ForcedDirection_WritesOnlyTheChosenSiteAndLeavesTheRestForLater()
    {
        var type = DocType(sites, "Forced Note", "hash", NoteFields);
        sites.CloudDb.Insert(type, Note("to local"));
        sites.LocalDb.Insert(type, Note("to cloud"));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));

        var forced = await harness.SyncDocTypeAsync(type, new SyncRunOptions { Direction = ForcedDirection.CloudToLocal });

        forced.Success.ShouldBe(1);
        harness.Cloud.Writes.ShouldBe(0);
        sites.LocalDb.Count(type).ShouldBe(2);
        sites.CloudDb.Count(type).ShouldBe(1);
        var rest = await harness.SyncDocTypeAsync(type);
        rest.Success.ShouldBe(1);
        sites.CloudDb.Count(type).ShouldBe(2);
    }

    [Fact]
    public async Task SyncDocument_Outcomes_AreCountedOnTheErpSyncCoreMeter()
    {
        var type = DocType(sites, "Meter Note", "hash", NoteFields);
        var measurements = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SyncEngine.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (var tag in tags)
                map[tag.Key] = tag.Value;
            if (Equals(map.GetValueOrDefault("doctype"), type))
            {
                lock (measurements)
                    measurements.Add((instrument.Name, value, map));
            }
        });
        listener.Start();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type], ConflictStrategy.CloudWins));
        var created = await harness.SyncAsync(type, SiteName.Cloud, Name(sites.CloudDb.Insert(type, Note("measured"))));
        sites.CloudDb.Update(type, created.CloudName!, new JsonObject { ["title"] = "cloud" });
        sites.LocalDb.Update(type, created.LocalName!, new JsonObject { ["title"] = "local" });
        await harness.SyncAsync(type, SiteName.Local, created.LocalName!);

        lock (measurements)
        {
            measurements.ShouldContain(m => m.Instrument == "erpsync.sync.outcomes" && Equals(m.Tags["kind"], "applied") && Equals(m.Tags["direction"], "cloud_to_local"));
            measurements.ShouldContain(m => m.Instrument == "erpsync.sync.conflicts" && Equals(m.Tags["resolved"], true));
        }
    }
}
