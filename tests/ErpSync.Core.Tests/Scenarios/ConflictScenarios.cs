using System.Text.Json.Nodes;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using static ErpSync.Core.Tests.Scenarios.ScenarioData;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>Deletes against edits, writes racing other writers, and conflicts left for (and resolved by) a person.</summary>
public sealed class ConflictScenarios(ScenarioSites sites) : IClassFixture<ScenarioSites>
{
    private static readonly string[] NoteFields = ["title:Data", "body:Small Text", "qty:Int"];

    private string NoteType() => DocType(sites, "Cfl Note", "hash", NoteFields);

    private static JsonObject Note(string title) => new() { ["title"] = title, ["body"] = "body of " + title, ["qty"] = 1 };

    private async Task<(string Cloud, string Local)> SyncedNoteAsync(ScenarioHarness harness, string type)
    {
        var outcome = await harness.SyncAsync(type, SiteName.Cloud, Name(sites.CloudDb.Insert(type, Note("first"))));
        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        return (outcome.CloudName!, outcome.LocalName!);
    }

    private async Task<(string Cloud, string Local, ConflictRecord Conflict)> ConflictAsync(ScenarioHarness harness, string type)
    {
        var (cloudName, localName) = await SyncedNoteAsync(harness, type);
        sites.CloudDb.Update(type, cloudName, new JsonObject { ["title"] = "cloud title", ["body"] = "cloud body" });
        sites.LocalDb.Update(type, localName, new JsonObject { ["title"] = "local title", ["qty"] = 5 });
        (await harness.SyncAsync(type, SiteName.Cloud, cloudName)).Kind.ShouldBe(SyncOutcomeKind.Conflict);
        return (cloudName, localName, (await harness.ConflictsAsync(type)).ShouldHaveSingleItem());
    }

    [Fact]
    public async Task SyncDocument_DeletedOnOneSiteEditedOnTheOther_IsAConflictThatKeepsTheEdit()
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var (cloudName, localName) = await SyncedNoteAsync(harness, type);
        await sites.CloudClient.DeleteAsync(type, cloudName, TestContext.Current.CancellationToken);
        sites.LocalDb.Update(type, localName, new JsonObject { ["title"] = "edited after the delete" });

        var outcome = await harness.SyncAsync(type, SiteName.Cloud, cloudName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Conflict);
        outcome.Message.ShouldBe("conflict: deleted on cloud, changed on local");
        sites.CloudDb.Exists(type, cloudName).ShouldBeFalse();
        Text(sites.LocalDb.Get(type, localName), "title").ShouldBe("edited after the delete");
        var conflict = (await harness.ConflictsAsync(type)).ShouldHaveSingleItem();
        conflict.CloudData.ShouldBeNull();
        conflict.LocalData!.ShouldContain("edited after the delete");
        conflict.ConflictingFields.ShouldBe(["title"]);
        (await harness.RecordAsync(type, SiteName.Local, localName))!.Status.ShouldBe(SyncStatus.Conflict);

        var kept = await harness.Engine.ResolveConflictAsync(conflict.Id, ConflictChoice.Local, TestContext.Current.CancellationToken);

        kept.Kind.ShouldBe(SyncOutcomeKind.Applied, kept.Message);
        kept.CloudName.ShouldNotBe(cloudName);
        Text(sites.CloudDb.Get(type, kept.CloudName!), "title").ShouldBe("edited after the delete");
        (await harness.ConflictsAsync(type)).ShouldHaveSingleItem().Resolution.ShouldBe("local_wins");
        var record = (await harness.RecordAsync(type, SiteName.Local, localName))!;
        record.Status.ShouldBe(SyncStatus.Synced);
        record.CloudName.ShouldBe(kept.CloudName);
    }

    [Fact]
    public async Task SyncDocument_DeletionAfterTheEditUnderLatestTimestamp_UsesTheDeletedDocumentTimeAndDeletes()
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type], ConflictStrategy.LatestTimestamp));
        var (cloudName, localName) = await SyncedNoteAsync(harness, type);
        sites.LocalDb.Update(type, localName, new JsonObject { ["title"] = "edited before the delete" });
        await sites.CloudClient.DeleteAsync(type, cloudName, TestContext.Current.CancellationToken);

        var outcome = await harness.SyncAsync(type, SiteName.Cloud, cloudName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        outcome.Action.ShouldBe("delete");
        sites.LocalDb.Exists(type, localName).ShouldBeFalse();
        sites.CloudDb.Exists(type, cloudName).ShouldBeFalse();
        var conflict = (await harness.ConflictsAsync(type)).ShouldHaveSingleItem();
        conflict.Resolution.ShouldBe("latest_timestamp:cloud");
        conflict.CloudModified.ShouldBe(sites.CloudDb.Query("Deleted Document", "[\"creation\"]", $"{{\"deleted_name\": \"{cloudName}\"}}").Single()["creation"]!.GetValue<string>());
        (await harness.RecordAsync(type, SiteName.Cloud, cloudName))!.Status.ShouldBe(SyncStatus.Deleted);
    }

    [Fact]
    public async Task SyncDocument_TargetChangesBetweenReadAndWrite_ReadsAgainAndLosesNoUpdate()
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type]));
        var (cloudName, localName) = await SyncedNoteAsync(harness, type);
        sites.CloudDb.Update(type, cloudName, new JsonObject { ["title"] = "from cloud" });
        var raced = 0;
        harness.Local.BeforeUpdate = (_, name) =>
        {
            // Someone saves the local document after the engine read it, before its write arrives.
            if (name == localName && Interlocked.Increment(ref raced) == 1)
                sites.LocalDb.Update(type, localName, new JsonObject { ["qty"] = 77 });
            return Task.CompletedTask;
        };

        var outcome = await harness.SyncAsync(type, SiteName.Cloud, cloudName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        raced.ShouldBeGreaterThanOrEqualTo(2);
        harness.Local.Calls("update").ShouldBeGreaterThanOrEqualTo(2);
        foreach (var document in new[] { sites.CloudDb.Get(type, cloudName), sites.LocalDb.Get(type, localName) })
        {
            Text(document, "title").ShouldBe("from cloud");
            Number(document, "qty").ShouldBe(77);
        }

        var record = (await harness.RecordAsync(type, SiteName.Cloud, cloudName))!;
        record.Status.ShouldBe(SyncStatus.Synced);
        record.CloudHash.ShouldBe(record.LocalHash);
        (await harness.ConflictsAsync(type)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SyncDocument_UnresolvedConflictChangedAgain_SupersedesTheRecordWithTheNewData()
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type], ConflictStrategy.Manual));
        var (cloudName, localName, first) = await ConflictAsync(harness, type);
        harness.ResetCounts();

        var waiting = await harness.SyncAsync(type, SiteName.Local, localName);
        waiting.Kind.ShouldBe(SyncOutcomeKind.Conflict);
        (await harness.ConflictsAsync(type)).Count.ShouldBe(1);
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);

        sites.CloudDb.Update(type, cloudName, new JsonObject { ["title"] = "cloud title, again" });
        var again = await harness.SyncAsync(type, SiteName.Cloud, cloudName);

        again.Kind.ShouldBe(SyncOutcomeKind.Conflict);
        var conflicts = await harness.ConflictsAsync(type);
        conflicts.Count.ShouldBe(2);
        var old = conflicts.Single(c => c.Id == first.Id);
        old.Resolved.ShouldBeTrue();
        old.Resolution.ShouldBe("superseded by a newer conflict");
        var current = conflicts.Single(c => c.Id != first.Id);
        current.Resolved.ShouldBeFalse();
        current.CloudData!.ShouldContain("cloud title, again");
        current.BaseData!.ShouldContain("\"title\":\"first\"");
        Text(sites.LocalDb.Get(type, localName), "title").ShouldBe("local title");
    }

    [Theory]
    [InlineData(ConflictChoice.Cloud, "cloud title", "cloud body", 1, "cloud_wins")]
    [InlineData(ConflictChoice.Local, "local title", "body of first", 5, "local_wins")]
    [InlineData(ConflictChoice.Merged, "cloud title", "cloud body", 5, "merged")]
    public async Task ResolveConflict_Choice_WritesTheChosenContentToBothSites(ConflictChoice choice, string title, string body, int qty, string resolution)
    {
        var type = NoteType();
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor([type], ConflictStrategy.Manual));
        var (cloudName, localName, conflict) = await ConflictAsync(harness, type);

        var outcome = await harness.Engine.ResolveConflictAsync(conflict.Id, choice, TestContext.Current.CancellationToken);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        outcome.Action.ShouldBe("resolve");
        foreach (var document in new[] { sites.CloudDb.Get(type, cloudName), sites.LocalDb.Get(type, localName) })
        {
            Text(document, "title").ShouldBe(title);
            Text(document, "body").ShouldBe(body);
            Number(document, "qty").ShouldBe(qty);
        }

        var resolved = (await harness.ConflictsAsync(type)).ShouldHaveSingleItem();
        resolved.Resolved.ShouldBeTrue();
        resolved.Resolution.ShouldBe(resolution);
        var record = (await harness.RecordAsync(type, SiteName.Cloud, cloudName))!;
        record.Status.ShouldBe(SyncStatus.Synced);
        record.CloudHash.ShouldBe(record.LocalHash);
        (await harness.LogsAsync(type)).ShouldContain(l => l.Action == "resolve");

        harness.ResetCounts();
        (await harness.SyncAsync(type, SiteName.Local, localName)).Kind.ShouldBe(SyncOutcomeKind.Skipped);
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);
        (await harness.Engine.ResolveConflictAsync(conflict.Id, choice, TestContext.Current.CancellationToken)).Kind.ShouldBe(SyncOutcomeKind.Failed);
    }
}
