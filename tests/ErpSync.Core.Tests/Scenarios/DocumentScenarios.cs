using System.Text.Json.Nodes;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using static ErpSync.Core.Tests.Scenarios.ScenarioData;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>One document pair at a time (as the webhook worker syncs), over a custom hash-named DocType per test.</summary>
public sealed class DocumentScenarios(ScenarioSites sites) : IClassFixture<ScenarioSites>
{
    private static readonly string[] NoteFields = ["title:Data", "body:Small Text", "qty:Int", "amount:Currency"];

    private string NoteType() => DocType(sites, "Doc Note", "hash", NoteFields);

    private static JsonObject Note(string title, int qty = 1) => new() { ["title"] = title, ["body"] = "about " + title, ["qty"] = qty, ["amount"] = qty * 2.5 };

    /// <summary>A note created on <paramref name="site"/> and synced; returns (cloud name, local name).</summary>
    private static async Task<(string Cloud, string Local)> SyncedNoteAsync(ScenarioSites sites, ScenarioHarness harness, string type, SiteName site = SiteName.Cloud, string title = "first")
    {
        var name = Name(sites.Db(site).Insert(type, Note(title)));
        var outcome = await harness.SyncAsync(type, site, name);
        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        return (outcome.CloudName!, outcome.LocalName!);
    }

    [Theory]
    [InlineData(SiteName.Cloud)]
    [InlineData(SiteName.Local)]
    public async Task SyncDocument_NewOnOneSite_CreatesCopyOnTheOtherAndRecordsThePair(SiteName source)
    {
        var type = NoteType();
        var name = Name(sites.Db(source).Insert(type, Note("brand new", 4)));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));

        var outcome = await harness.SyncAsync(type, source, name);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        outcome.Action.ShouldBe("create");
        outcome.Direction.ShouldBe(source == SiteName.Cloud ? "cloud_to_local" : "local_to_cloud");
        var target = source.Other();
        var copyName = target == SiteName.Cloud ? outcome.CloudName! : outcome.LocalName!;
        copyName.ShouldNotBe(name); // hash naming: each site names its own copy
        var copy = sites.Db(target).Get(type, copyName)!;
        Text(copy, "title").ShouldBe("brand new");
        Number(copy, "qty").ShouldBe(4);
        Number(copy, "amount").ShouldBe(10);
        sites.Db(source).Exists(type, name).ShouldBeTrue();
        var record = (await harness.RecordAsync(type, source, name))!;
        record.Status.ShouldBe(SyncStatus.Synced);
        record.NameOn(target).ShouldBe(copyName);
        record.CloudHash.ShouldBe(record.LocalHash);
        record.CloudModified.ShouldBe(Text(sites.CloudDb.Get(type, record.CloudName!), "modified"));
        record.LocalModified.ShouldBe(Text(sites.LocalDb.Get(type, record.LocalName!), "modified"));
        var log = (await harness.LogsAsync(type)).ShouldHaveSingleItem();
        log.Action.ShouldBe("create");
        log.ChangesJson!.ShouldContain("\"title\":[null,\"brand new\"]");
    }

    [Theory]
    [InlineData(SiteName.Cloud)]
    [InlineData(SiteName.Local)]
    public async Task SyncDocument_UpdatedOnOneSite_UpdatesTheOtherWithFieldDiff(SiteName source)
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var (cloudName, localName) = await SyncedNoteAsync(sites, harness, type);
        var sourceName = source == SiteName.Cloud ? cloudName : localName;
        var targetName = source == SiteName.Cloud ? localName : cloudName;
        sites.Db(source).Update(type, sourceName, new JsonObject { ["title"] = "renamed", ["qty"] = 7 });

        var outcome = await harness.SyncAsync(type, source, sourceName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        outcome.Action.ShouldBe("update");
        var target = sites.Db(source.Other()).Get(type, targetName)!;
        Text(target, "title").ShouldBe("renamed");
        Number(target, "qty").ShouldBe(7);
        Text(sites.Db(source).Get(type, sourceName), "title").ShouldBe("renamed");
        var record = (await harness.RecordAsync(type, SiteName.Cloud, cloudName))!;
        record.Status.ShouldBe(SyncStatus.Synced);
        record.BaseSnapshot!.ShouldContain("\"title\":\"renamed\"");
        var update = (await harness.LogsAsync(type)).First(l => l.Action == "update");
        update.Direction.ShouldBe(source == SiteName.Cloud ? "cloud_to_local" : "local_to_cloud");
        update.ChangesJson.ShouldBe("{\"qty\":[1,7],\"title\":[\"first\",\"renamed\"]}");
    }

    [Theory]
    [InlineData(SiteName.Cloud)]
    [InlineData(SiteName.Local)]
    public async Task SyncDocument_DeletedOnOneSiteUnchangedOnOther_DeletesTheOtherAndKeepsATombstone(SiteName source)
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var (cloudName, localName) = await SyncedNoteAsync(sites, harness, type);
        var sourceName = source == SiteName.Cloud ? cloudName : localName;
        var client = source == SiteName.Cloud ? (IFrappeSite)sites.CloudClient : sites.LocalClient;
        (await client.DeleteAsync(type, sourceName, TestContext.Current.CancellationToken)).ShouldBeTrue();

        // The server enqueues an on_trash webhook as a plain sync of the vanished name.
        var outcome = await harness.SyncAsync(type, source, sourceName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        outcome.Action.ShouldBe("delete");
        sites.CloudDb.Exists(type, cloudName).ShouldBeFalse();
        sites.LocalDb.Exists(type, localName).ShouldBeFalse();
        var record = (await harness.RecordAsync(type, SiteName.Cloud, cloudName))!;
        record.Status.ShouldBe(SyncStatus.Deleted);
        (await harness.LogsAsync(type)).ShouldContain(l => l.Action == "delete" && l.Direction == (source == SiteName.Cloud ? "cloud_to_local" : "local_to_cloud"));

        var again = await harness.SyncAsync(type, source.Other(), source == SiteName.Cloud ? localName : cloudName);
        again.Kind.ShouldBe(SyncOutcomeKind.Skipped);
        sites.CloudDb.Exists(type, cloudName).ShouldBeFalse();
    }

    [Fact]
    public async Task SyncDocument_EchoOfOwnWrite_IsANoOpOnBothSites()
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var (cloudName, localName) = await SyncedNoteAsync(sites, harness, type);
        sites.CloudDb.Update(type, cloudName, new JsonObject { ["body"] = "changed on cloud" });
        (await harness.SyncAsync(type, SiteName.Cloud, cloudName)).Action.ShouldBe("update");
        var cloudModified = Text(sites.CloudDb.Get(type, cloudName), "modified");
        var localModified = Text(sites.LocalDb.Get(type, localName), "modified");
        var logs = (await harness.LogsAsync(type)).Count;
        harness.ResetCounts();

        // The local webhook our own write fired, then a late duplicate of the cloud one.
        var echo = await harness.SyncAsync(type, SiteName.Local, localName);
        var redelivered = await harness.SyncAsync(type, SiteName.Cloud, cloudName);

        echo.Kind.ShouldBe(SyncOutcomeKind.Skipped, echo.Message);
        redelivered.Kind.ShouldBe(SyncOutcomeKind.Skipped, redelivered.Message);
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);
        Text(sites.CloudDb.Get(type, cloudName), "modified").ShouldBe(cloudModified);
        Text(sites.LocalDb.Get(type, localName), "modified").ShouldBe(localModified);
        (await harness.LogsAsync(type)).Count.ShouldBe(logs);
        (await harness.RecordAsync(type, SiteName.Local, localName))!.Status.ShouldBe(SyncStatus.Synced);
    }

    [Fact]
    public async Task SyncDocument_EditsToDifferentFieldsOnBothSites_MergesThemWithoutAConflict()
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var (cloudName, localName) = await SyncedNoteAsync(sites, harness, type);
        sites.CloudDb.Update(type, cloudName, new JsonObject { ["title"] = "cloud title" });
        sites.LocalDb.Update(type, localName, new JsonObject { ["qty"] = 42 });

        var outcome = await harness.SyncAsync(type, SiteName.Local, localName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        outcome.Direction.ShouldBe("both");
        foreach (var document in new[] { sites.CloudDb.Get(type, cloudName), sites.LocalDb.Get(type, localName) })
        {
            Text(document, "title").ShouldBe("cloud title");
            Number(document, "qty").ShouldBe(42);
        }

        (await harness.ConflictsAsync(type)).ShouldBeEmpty();
        (await harness.RecordAsync(type, SiteName.Cloud, cloudName))!.Status.ShouldBe(SyncStatus.Synced);
    }

    [Theory]
    [InlineData(ConflictStrategy.LatestTimestamp, ConflictStrategy.Manual, "local", "latest_timestamp:local")]
    [InlineData(ConflictStrategy.CloudWins, ConflictStrategy.Manual, "cloud", "cloud_wins")]
    [InlineData(ConflictStrategy.LocalWins, ConflictStrategy.Manual, "local", "local_wins")]
    [InlineData(ConflictStrategy.Merge, ConflictStrategy.CloudWins, "cloud", "merge:cloud_wins")]
    [InlineData(ConflictStrategy.Merge, ConflictStrategy.LocalWins, "local", "merge:local_wins")]
    public async Task SyncDocument_SameFieldEditedOnBothSites_StrategyPicksTheValueAndKeepsOneSidedEdits(ConflictStrategy strategy, ConflictStrategy fallback, string winner, string resolution)
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type], strategy, fallback));
        var (cloudName, localName) = await SyncedNoteAsync(sites, harness, type);
        sites.CloudDb.Update(type, cloudName, new JsonObject { ["title"] = "cloud says", ["body"] = "cloud body" });
        sites.LocalDb.Update(type, localName, new JsonObject { ["title"] = "local says", ["qty"] = 9 });

        var outcome = await harness.SyncAsync(type, SiteName.Cloud, cloudName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        foreach (var document in new[] { sites.CloudDb.Get(type, cloudName), sites.LocalDb.Get(type, localName) })
        {
            Text(document, "title").ShouldBe(winner + " says");
            Text(document, "body").ShouldBe("cloud body");
            Number(document, "qty").ShouldBe(9);
        }

        var conflict = (await harness.ConflictsAsync(type)).ShouldHaveSingleItem();
        conflict.Resolved.ShouldBeTrue();
        conflict.Resolution.ShouldBe(resolution);
        conflict.ConflictingFields.ShouldBe(["title"]);
        conflict.CloudData!.ShouldContain("cloud says");
        conflict.LocalData!.ShouldContain("local says");
        conflict.BaseData!.ShouldContain("\"title\":\"first\"");
        (await harness.RecordAsync(type, SiteName.Cloud, cloudName))!.Status.ShouldBe(SyncStatus.Synced);
    }

    [Theory]
    [InlineData(ConflictStrategy.Manual)]
    [InlineData(ConflictStrategy.Merge)]
    public async Task SyncDocument_SameFieldEditedOnBothSitesUnderManual_RecordsTheConflictAndWritesNothing(ConflictStrategy strategy)
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type], strategy, ConflictStrategy.Manual));
        var (cloudName, localName) = await SyncedNoteAsync(sites, harness, type);
        sites.CloudDb.Update(type, cloudName, new JsonObject { ["title"] = "cloud says" });
        sites.LocalDb.Update(type, localName, new JsonObject { ["title"] = "local says", ["qty"] = 9 });
        harness.ResetCounts();

        var outcome = await harness.SyncAsync(type, SiteName.Local, localName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Conflict);
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);
        Text(sites.CloudDb.Get(type, cloudName), "title").ShouldBe("cloud says");
        Text(sites.LocalDb.Get(type, localName), "title").ShouldBe("local says");
        Number(sites.CloudDb.Get(type, cloudName), "qty").ShouldBe(1);
        var conflict = (await harness.ConflictsAsync(type)).ShouldHaveSingleItem();
        conflict.Resolved.ShouldBeFalse();
        conflict.ConflictingFields.ShouldBe(["title"]);
        conflict.Strategy.ShouldBe(strategy == ConflictStrategy.Manual ? "manual" : "merge:manual");
        var record = (await harness.RecordAsync(type, SiteName.Cloud, cloudName))!;
        record.Status.ShouldBe(SyncStatus.Conflict);
        record.BaseSnapshot!.ShouldContain("\"title\":\"first\"");
    }

    [Fact]
    public async Task SyncDocument_LatestTimestampAcrossTimeZones_ComparesInstantsNotSiteLocalStrings()
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type], ConflictStrategy.LatestTimestamp));
        var (cloudName, localName) = await SyncedNoteAsync(sites, harness, type);
        var cloudEdit = sites.CloudDb.Update(type, cloudName, new JsonObject { ["title"] = "earlier, in Kolkata" });
        var localEdit = sites.LocalDb.Update(type, localName, new JsonObject { ["title"] = "later, in Berlin" });
        // Kolkata's wall clock runs 4.5 hours ahead of Berlin's: as strings the earlier cloud edit looks later.
        string.CompareOrdinal(Text(cloudEdit, "modified"), Text(localEdit, "modified")).ShouldBeGreaterThan(0);

        var outcome = await harness.SyncAsync(type, SiteName.Cloud, cloudName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        Text(sites.CloudDb.Get(type, cloudName), "title").ShouldBe("later, in Berlin");
        Text(sites.LocalDb.Get(type, localName), "title").ShouldBe("later, in Berlin");
        (await harness.ConflictsAsync(type)).ShouldHaveSingleItem().Resolution.ShouldBe("latest_timestamp:local");
    }
}
