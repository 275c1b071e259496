using System.Text.Json;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store;

namespace ErpSync.Cli.Tests.Commands.Sync;

/// <summary><c>erpsync retry</c> on a temp SQLite state database holding dead-lettered items and failed pairs.</summary>
public sealed class RetryCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A dead Customer item and a dead Item item; a failed and an erroring Customer pair, a failed Item pair and a synced one.</summary>
    private static Task<Dictionary<string, long>> SeedAsync(StateFolder state) => SeedInAsync(state);

    private static async Task<Dictionary<string, long>> SeedInAsync(StateFolder state)
    {
        var ids = new Dictionary<string, long>();
        await state.SeedAsync(async db =>
        {
            await db.Queue.EnqueueAsync(StateFolder.Event("CUST-DEAD"), Ct);
            await db.Queue.EnqueueAsync(StateFolder.Event("ITEM-DEAD", "Item"), Ct);
            foreach (var item in await db.Queue.ClaimAsync("worker", 10, TimeSpan.FromMinutes(1), Ct))
                await db.Queue.FailAsync(item.Id, "worker", "local site down", null, Ct);
            ids["failed"] = (await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "CUST-1", "CUST-1", SyncStatus.Failed) with { ErrorMessage = "417 again", RetryCount = 5 }, Ct)).Id;
            ids["error"] = (await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "CUST-2", "CUST-2", SyncStatus.Error) with { ErrorMessage = "timeout", RetryCount = 2 }, Ct)).Id;
            ids["item"] = (await db.Store.SaveRecordAsync(StateFolder.Pair("Item", "ITEM-1", "ITEM-1", SyncStatus.Failed) with { ErrorMessage = "mandatory" }, Ct)).Id;
            ids["synced"] = (await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "CUST-3", "CUST-3"), Ct)).Id;
        });
        return ids;
    }

    private static async Task<(QueueStats Stats, List<QueueItem> Claimed, List<SyncRecord> Pairs)> StateAsync(StateFolder state)
    {
        await using var db = await state.OpenAsync();
        var stats = await db.Queue.GetStatsAsync(Ct);
        var claimed = (await db.Queue.ClaimAsync("probe", 100, TimeSpan.FromMinutes(1), Ct)).ToList();
        var pairs = new List<SyncRecord>();
        foreach (var docType in new[] { "Customer", "Item" })
        {
            await foreach (var record in db.Store.ListRecordsAsync(docType, Ct)) pairs.Add(record);
        }

        return (stats, claimed, pairs);
    }

    [Fact]
    public async Task Retry_All_RequeuesDeadItemsAndFailedPairsAndResetsTheirRetryCount()
    {
        using var state = new StateFolder();
        await SeedAsync(state);

        var result = await state.RunAsync("retry", "--all");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("[OK] re-queued 2 dead-lettered queue item(s) and 3 failed document pair(s) for every DocType");
        result.Out.ShouldContain("Customer CUST-1: 417 again");
        result.Out.ShouldContain("No server is running: start 'erpsync serve', or sync them now with 'erpsync sync'.");
        var (stats, claimed, pairs) = await StateAsync(state);
        stats.Dead.ShouldBe(0);
        claimed.Select(i => i.DocName).Order().ShouldBe(["CUST-1", "CUST-2", "CUST-DEAD", "ITEM-1", "ITEM-DEAD"]);
        claimed.Where(i => i.Action == "retry").ShouldAllBe(i => i.Source == SiteName.Cloud);
        pairs.Where(p => p.CloudName != "CUST-3").ShouldAllBe(p => p.Status == SyncStatus.Pending && p.RetryCount == 0);
        pairs.Single(p => p.CloudName == "CUST-3").Status.ShouldBe(SyncStatus.Synced);
    }

    [Fact]
    public async Task Retry_OneDocType_LeavesTheOthersDead()
    {
        using var state = new StateFolder();
        await SeedAsync(state);

        var result = await state.RunAsync("retry", "--doctype", "Item", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("requeued_queue_items").GetInt32().ShouldBe(1);
        json.RootElement.GetProperty("requeued_pairs").GetInt32().ShouldBe(1);
        json.RootElement.GetProperty("server_running").GetBoolean().ShouldBeFalse();
        var (stats, claimed, pairs) = await StateAsync(state);
        stats.Dead.ShouldBe(1);
        claimed.Select(i => i.DocName).Order().ShouldBe(["ITEM-1", "ITEM-DEAD"]);
        pairs.Single(p => p.CloudName == "CUST-1").Status.ShouldBe(SyncStatus.Failed);
    }

    [Fact]
    public async Task Retry_OnePairById_RequeuesOnlyIt_AndRefusesASyncedPair()
    {
        using var state = new StateFolder();
        var ids = await SeedAsync(state);

        var result = await state.RunAsync("retry", "--id", ids["error"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var synced = await state.RunAsync("retry", "--id", ids["synced"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var missing = await state.RunAsync("retry", "--id", "9999");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("re-queued 0 dead-lettered queue item(s) and 1 failed document pair(s) for document pair");
        synced.ExitCode.ShouldBe(1);
        synced.Error.ShouldContain("(Customer CUST-3) is synced; there is nothing to retry");
        missing.ExitCode.ShouldBe(1);
        missing.Error.ShouldStartWith("error: there is no document pair 9999 in SQLite ");
        var (stats, claimed, pairs) = await StateAsync(state);
        stats.Dead.ShouldBe(2);
        claimed.ShouldHaveSingleItem().DocName.ShouldBe("CUST-2");
        pairs.Single(p => p.CloudName == "CUST-1").Status.ShouldBe(SyncStatus.Failed);
    }

    [Fact]
    public async Task Retry_NothingFailed_SaysSo()
    {
        using var state = new StateFolder();
        await state.SeedAsync(db => db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "CUST-1", "CUST-1"), Ct));

        var result = await state.RunAsync("retry", "--all");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldBe("[OK] nothing to retry for every DocType: no dead-lettered queue items and no failed document pairs\n");
    }

    [Fact]
    public async Task Retry_RecordsEachRequeuedPairInTheAuditLog()
    {
        using var state = new StateFolder();
        await SeedAsync(state);

        (await state.RunAsync("retry", "--doctype", "Customer")).ExitCode.ShouldBe(0);

        await using var db = await state.OpenAsync();
        var audit = new List<SyncLogEntry>();
        await foreach (var entry in db.Store.QueryLogsAsync(new LogQuery { DocType = "Customer" }, Ct)) audit.Add(entry);
        audit.Select(a => a.DocName).Order().ShouldBe(["CUST-1", "CUST-2"]);
        audit.ShouldAllBe(a => a.Action == "retry" && a.Message!.StartsWith("re-queued by erpsync retry after: ", StringComparison.Ordinal));
    }
}
