using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Store.Tests.Contract;

/// <summary>Sweep cursors, the status snapshot and retention.</summary>
public abstract class CursorStatusRetentionContractTests(IStoreTarget target) : StoreContractTests(target)
{
    [Fact]
    public async Task SetCursorAsync_PerSiteDocTypeAndKind_IsKeptSeparatelyAndOverwritten()
    {
        var db = await OpenAsync();
        (await db.Store.GetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Modified, Ct)).ShouldBeNull();

        await db.Store.SetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Modified, new DocCursor("2026-01-15 10:00:00.000001", "CUST-0001"), Ct);
        await db.Store.SetCursorAsync(SiteName.Local, "Customer", CursorKind.Modified, new DocCursor("2026-01-15 11:00:00", "CUST-0900"), Ct);
        await db.Store.SetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Deleted, new DocCursor("2026-01-14 09:00:00", "abc123"), Ct);
        await db.Store.SetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Modified, new DocCursor("2026-01-15 10:00:00.000001", "CUST-0002"), Ct);

        (await db.Store.GetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Modified, Ct)).ShouldBe(new DocCursor("2026-01-15 10:00:00.000001", "CUST-0002"));
        (await db.Store.GetCursorAsync(SiteName.Local, "Customer", CursorKind.Modified, Ct)).ShouldBe(new DocCursor("2026-01-15 11:00:00", "CUST-0900"));
        (await db.Store.GetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Deleted, Ct)).ShouldBe(new DocCursor("2026-01-14 09:00:00", "abc123"));
        (await db.Store.GetCursorAsync(SiteName.Cloud, "Item", CursorKind.Modified, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task GetStatusAsync_MixedState_CountsPairsConflictsQueueAndLagPerDocType()
    {
        var db = await OpenAsync();
        var t0 = Clock.GetUtcNow();
        await db.Store.SaveRecordAsync(Pair("Customer", "C-1", "C-1") with { LastSynced = t0 - TimeSpan.FromHours(1) }, Ct);
        await db.Store.SaveRecordAsync(Pair("Customer", "C-2", "C-2") with { LastSynced = t0 - TimeSpan.FromMinutes(5) }, Ct);
        await db.Store.SaveRecordAsync(Pair("Customer", "C-3", "C-3", SyncStatus.Error), Ct);
        await db.Store.SaveRecordAsync(Pair("Customer", "C-4", "C-4", SyncStatus.Failed), Ct);
        await db.Store.CommitAsync(new SyncCommit(Pair("Item", "I-1", "I-1", SyncStatus.Conflict), [], new ConflictRecord { DocType = "Item", DocName = "I-1" }), Ct);
        await db.Queue.EnqueueAsync(Event("C-9"), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await db.Queue.EnqueueAsync(Event("C-8"), Ct);
        await db.Queue.EnqueueAsync(Event("S-1", "Supplier"), Ct);

        var status = await db.Store.GetStatusAsync(Ct);

        status.RecordsByStatus[SyncStatus.Synced].ShouldBe(2);
        status.RecordsByStatus[SyncStatus.Error].ShouldBe(1);
        status.RecordsByStatus[SyncStatus.Failed].ShouldBe(1);
        status.RecordsByStatus[SyncStatus.Conflict].ShouldBe(1);
        status.RecordsByStatus[SyncStatus.Pending].ShouldBe(0);
        status.UnresolvedConflicts.ShouldBe(1);
        status.DocTypes.ShouldBe(
        [
            new DocTypeStatus("Customer", 4, 2, 2, 0, t0 - TimeSpan.FromMinutes(5), t0),
            new DocTypeStatus("Item", 1, 0, 0, 1, null, null),
            new DocTypeStatus("Supplier", 0, 0, 0, 0, null, t0 + TimeSpan.FromMinutes(1)),
        ]);
        status.Queue.Pending.ShouldBe(3);
        status.Queue.OldestPendingCreatedAt.ShouldBe(t0);
    }

    [Fact]
    public async Task PruneAsync_OldRows_DeletesOldLogsAndProcessedItemsInBatchesButNothingStillOwed()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        var old = Enumerable.Range(0, 4500).Select(i => new SyncLogEntry
        {
            DocType = "Customer", DocName = $"C-{i}", Action = "update", Direction = "cloud_to_local", Status = "success",
        }).ToList();
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-0", "C-0"), old), Ct);
        var done = await db.Queue.EnqueueAsync(Event("done"), Ct);
        var pending = await db.Queue.EnqueueAsync(Event("pending"), Ct);
        var leased = await db.Queue.EnqueueAsync(Event("leased"), Ct);
        var dead = await db.Queue.EnqueueAsync(Event("dead"), Ct);
        var retry = await db.Queue.EnqueueAsync(Event("retry"), Ct);
        var claimed = await db.Queue.ClaimAsync("w1", 10, TimeSpan.FromDays(30), Ct);
        claimed.Count.ShouldBe(5);
        await db.Queue.CompleteAsync(done, "w1", Ct);
        await db.Queue.ReleaseAsync(pending, "w1", Ct);
        await db.Queue.FailAsync(dead, "w1", "boom", null, Ct);
        await db.Queue.FailAsync(retry, "w1", "later", Clock.GetUtcNow() + TimeSpan.FromDays(60), Ct);
        Clock.Advance(TimeSpan.FromDays(10));
        await db.Store.AppendLogAsync(new SyncLogEntry { DocType = "Customer", DocName = "recent", Action = "update", Direction = "none", Status = "success" }, Ct);
        var recentDone = await db.Queue.EnqueueAsync(Event("recent"), Ct);
        (await db.Queue.ClaimAsync("w2", 10, TimeSpan.FromMinutes(1), Ct)).Select(i => i.Id).ShouldBe([pending, recentDone]);
        await db.Queue.CompleteAsync(recentDone, "w2", Ct);
        await db.Queue.ReleaseAsync(pending, "w2", Ct);

        var result = await db.Store.PruneAsync(Clock.GetUtcNow() - TimeSpan.FromDays(7), Ct);

        result.ShouldBe(new PruneResult(4500, 1));
        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery(), Ct))).ShouldHaveSingleItem().DocName.ShouldBe("recent");
        var remaining = Convert.ToInt64(await Target.ScalarAsync(setting, "SELECT count(*) FROM webhook_queue", Ct), System.Globalization.CultureInfo.InvariantCulture);
        remaining.ShouldBe(5);
        (await Target.ScalarAsync(setting, $"SELECT count(*) FROM webhook_queue WHERE id IN ({pending}, {leased}, {dead}, {retry}, {recentDone})", Ct))
            .ShouldBe(remaining, $"kept rows: pending {pending}, leased {leased}, dead {dead}, retry {retry}, recent {recentDone}");
        (await db.Store.PruneAsync(Clock.GetUtcNow() - TimeSpan.FromDays(7), Ct)).ShouldBe(new PruneResult(0, 0));
    }
}
