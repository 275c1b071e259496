using System.Text.Json;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.State;
using ErpSync.Store;
using ErpSync.Store.Presence;

namespace ErpSync.Cli.Tests.Commands.Operations;

public sealed class MaintenanceCommandTests
{
    private const string Retention = """
        retention:
          logs_days: 90
          queue_days: 30
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Lease = TimeSpan.FromDays(400);

    /// <summary>
    /// 200 days ago: items in every state plus 2,000 bulky audit rows; 10 days ago: one processed item and a log.
    /// Returns the ids of the items that must survive.
    /// </summary>
    private static async Task<List<long>> SeedAsync(StateFolder state)
    {
        var survivors = new List<long>();
        await state.SeedAsync(async db =>
        {
            var old = Enumerable.Range(0, 2000).Select(i => StateFolder.Log($"OLD-{i}", message: new string('m', 500))).ToList();
            await db.Store.CommitAsync(new SyncCommit(StateFolder.Pair("Customer", "FAILED-1", "FAILED-1", SyncStatus.Failed), old), Ct);
            await db.Store.CommitAsync(new SyncCommit(StateFolder.Pair("Customer", "CONFLICT-1", "CONFLICT-1", SyncStatus.Conflict), [], new ConflictRecord { DocType = "Customer", DocName = "CONFLICT-1" }), Ct);
            var done = await db.Queue.EnqueueAsync(StateFolder.Event("done-old"), Ct);
            var dead = await db.Queue.EnqueueAsync(StateFolder.Event("dead"), Ct);
            var retrying = await db.Queue.EnqueueAsync(StateFolder.Event("retrying"), Ct);
            var leased = await db.Queue.EnqueueAsync(StateFolder.Event("leased"), Ct);
            await db.Queue.ClaimAsync("w", 10, Lease, Ct);
            await db.Queue.CompleteAsync(done, "w", Ct);
            await db.Queue.FailAsync(dead, "w", "rejected by the site", null, Ct);
            await db.Queue.FailAsync(retrying, "w", "timeout", state.Clock.GetUtcNow() + Lease, Ct);
            var pending = await db.Queue.EnqueueAsync(StateFolder.Event("pending"), Ct);
            survivors.AddRange([dead, retrying, leased, pending]);
        });
        state.Clock.Advance(TimeSpan.FromDays(190));
        await state.SeedAsync(async db =>
        {
            var recent = await db.Queue.EnqueueAsync(StateFolder.Event("done-recent"), Ct);
            foreach (var item in await db.Queue.ClaimAsync("w2", 10, Lease, Ct))
            {
                if (item.Id == recent) await db.Queue.CompleteAsync(item.Id, "w2", Ct);
                else await db.Queue.ReleaseAsync(item.Id, "w2", Ct);
            }

            await db.Store.AppendLogAsync(StateFolder.Log("RECENT"), Ct);
            survivors.Add(recent);
        });
        state.Clock.Advance(TimeSpan.FromDays(10));
        return survivors;
    }

    [Fact]
    public async Task Maintenance_OldData_RemovesOldProcessedItemsAndLogsKeepsEveryUnprocessedOrFailedItemAndShrinks()
    {
        using var state = new StateFolder(Retention);
        var survivors = await SeedAsync(state);

        var result = await state.RunAsync("maintenance");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("[OK] removed 2000 audit row(s) older than 90 days (before 2027-03-12 01:30 UTC)");
        result.Out.ShouldContain("[OK] removed 1 processed queue item(s) older than 30 days (before 2027-05-11 01:30 UTC)");
        result.Out.ShouldContain("[OK] compacted: VACUUM, ANALYZE, wal_checkpoint(TRUNCATE)");
        result.Out.ShouldContain("kept: 2 pending, 1 processing and 1 dead-lettered queue item(s), 2 document pair(s), 1 open conflict(s), 1 audit row(s)");
        var sizes = result.Out.Split('\n').Single(l => l.StartsWith("size: ", StringComparison.Ordinal));
        sizes.ShouldMatch(@"^size: \d+(\.\d)? MB before, \d+ KB after$");

        await using var db = await state.OpenAsync();
        var left = new List<long>();
        foreach (var id in survivors)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={state.DatabasePath};Mode=ReadOnly");
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM webhook_queue WHERE id = {id}";
            if ((long)(await command.ExecuteScalarAsync(Ct))! == 1) left.Add(id);
        }

        left.ShouldBe(survivors, "every pending, retrying, leased, dead and recent item survives");
        (await db.Store.ListConflictsAsync(false, Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Maintenance_WhileAServerRuns_PrunesButSkipsVacuumAndSaysWhy()
    {
        using var state = new StateFolder(Retention);
        await SeedAsync(state);
        await state.SeedAsync(db => db.Servers.BeatAsync(new ServerInstance("s", "erp-01", 1, null, state.Clock.GetUtcNow()), TimeSpan.FromMinutes(1), Ct));

        var result = await state.RunAsync("maintenance");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("removed 2000 audit row(s)");
        result.Out.ShouldContain("[OK] compacted: ANALYZE (sampled, analysis_limit 1000), wal_checkpoint(PASSIVE)");
        result.Out.ShouldContain("[WARN] VACUUM skipped: a server is using the database");
    }

    [Fact]
    public async Task Maintenance_Json_ReportsRemovedCountsAndSizes()
    {
        using var state = new StateFolder(Retention);
        await SeedAsync(state);

        var result = await state.RunAsync("maintenance", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("removed").GetProperty("audit_rows").GetInt64().ShouldBe(2000);
        root.GetProperty("removed").GetProperty("processed_queue_items").GetInt64().ShouldBe(1);
        root.GetProperty("size_after").GetInt64().ShouldBeLessThan(root.GetProperty("size_before").GetInt64());
        root.GetProperty("remaining").GetProperty("queue_dead").GetInt64().ShouldBe(1);
    }
}
