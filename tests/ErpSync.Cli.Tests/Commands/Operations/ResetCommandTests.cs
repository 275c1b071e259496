using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store;
using ErpSync.Store.Presence;

namespace ErpSync.Cli.Tests.Commands.Operations;

public sealed class ResetCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task SeedAsync(StateFolder state) => state.SeedAsync(async db =>
    {
        await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "CUST-1", "CUST-1"), Ct);
        await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "CUST-2", "CUST-2"), Ct);
        await db.Store.SaveRecordAsync(StateFolder.Pair("Item", "ITEM-1", "ITEM-1"), Ct);
        await db.Queue.EnqueueAsync(StateFolder.Event("CUST-1"), Ct);
        await db.Queue.EnqueueAsync(StateFolder.Event("ITEM-1", "Item"), Ct);
    });

    private static async Task<List<string>> PairsAsync(string path, TimeProvider time)
    {
        await using var db = await StateDatabase.OpenAsync(path, time, null, Ct);
        var names = new List<string>();
        foreach (var docType in new[] { "Customer", "Item" })
        {
            await foreach (var record in db.Store.ListRecordsAsync(docType, Ct)) names.Add(record.CloudName!);
        }

        return names;
    }

    [Fact]
    public async Task Reset_OneDocument_BacksUpFirstThenRemovesExactlyThatPair()
    {
        using var state = new StateFolder();
        await SeedAsync(state);

        var result = await state.RunAsync("reset", "--doctype", "Customer", "--docname", "CUST-1", "--yes");

        result.ExitCode.ShouldBe(0, result.ToString());
        var backup = state.Folder.File("sync_state-20261122-013000-before-reset.db");
        result.Out.ShouldContain($"[OK] backup written: {backup} (");
        result.Out.ShouldContain("[OK] reset Customer CUST-1: removed 1 document pair(s), 0 open conflict(s), 0 sweep cursor(s)");
        result.Out.IndexOf("backup written", StringComparison.Ordinal).ShouldBeLessThan(result.Out.IndexOf("reset Customer", StringComparison.Ordinal));
        (await PairsAsync(state.DatabasePath, state.Clock)).ShouldBe(["CUST-2", "ITEM-1"]);
        (await PairsAsync(backup, state.Clock)).ShouldBe(["CUST-1", "CUST-2", "ITEM-1"]);
        await using var db = await state.OpenAsync();
        (await db.Queue.GetStatsAsync(Ct)).Pending.ShouldBe(2, "the queue is only touched with --queue");
    }

    [Fact]
    public async Task Reset_EverythingWithQueue_RemovesAllPairsAndWaitingItems()
    {
        using var state = new StateFolder();
        await SeedAsync(state);

        var result = await state.RunAsync("reset", "--queue", "--yes", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("\"pairs\": 3");
        result.Out.ShouldContain("\"queue_items\": 2");
        (await PairsAsync(state.DatabasePath, state.Clock)).ShouldBeEmpty();
        await using var db = await state.OpenAsync();
        (await db.Queue.GetStatsAsync(Ct)).Pending.ShouldBe(0);
        var audit = new List<SyncLogEntry>();
        await foreach (var entry in db.Store.QueryLogsAsync(new LogQuery(), Ct)) audit.Add(entry);
        audit.ShouldHaveSingleItem().Action.ShouldBe("reset");
    }

    [Fact]
    public async Task Reset_WhileAServerRuns_IsRefusedWithoutBackupOrChange()
    {
        using var state = new StateFolder();
        await SeedAsync(state);
        await state.SeedAsync(db => db.Servers.BeatAsync(new ServerInstance("s", "erp-01", 77, null, state.Clock.GetUtcNow()), TimeSpan.FromSeconds(30), Ct));

        var result = await state.RunAsync("reset", "--doctype", "Item", "--yes");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("cannot reset while the state database");
        result.Error.ShouldContain("erpsync serve on erp-01 (process 77");
        (await PairsAsync(state.DatabasePath, state.Clock)).Count.ShouldBe(3);
        Directory.GetFiles(state.Folder.Path, "*before-reset*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Reset_NotInteractiveWithoutYes_RefusesWithExitTwoBeforeAnyBackup()
    {
        using var state = new StateFolder();
        await SeedAsync(state);

        var result = await state.RunAsync("reset");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("pass --yes to confirm in scripts");
        (await PairsAsync(state.DatabasePath, state.Clock)).Count.ShouldBe(3);
        Directory.GetFiles(state.Folder.Path, "*before-reset*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Reset_InteractiveYes_ExplainsTheScopeThenResets()
    {
        using var state = new StateFolder();
        await SeedAsync(state);

        var result = await state.RunAsync(new CliOptions { Folder = "", Input = "y\n", InputIsTerminal = true }, "reset", "--doctype", "Item");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldContain("This forgets the sync state of every Item in SQLite");
        result.Error.ShouldContain("Back up, then reset? [y/N]");
        (await PairsAsync(state.DatabasePath, state.Clock)).ShouldBe(["CUST-1", "CUST-2"]);
    }

    [Fact]
    public async Task Reset_NoBackup_SkipsTheBackup()
    {
        using var state = new StateFolder();
        await SeedAsync(state);

        var result = await state.RunAsync("reset", "--doctype", "Item", "--yes", "--no-backup");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldNotContain("backup written");
        Directory.GetFiles(state.Folder.Path, "*before-reset*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Reset_DocNameWithoutDocType_IsAUsageError()
    {
        using var state = new StateFolder();

        var result = await state.RunAsync("reset", "--docname", "CUST-1", "--yes");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--docname needs --doctype too");
    }
}
