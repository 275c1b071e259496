using System.Globalization;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store.Operations;

namespace ErpSync.Store.Tests.Contract;

/// <summary>Retention with separate cut-offs, reset scopes, counts, size and compaction.</summary>
public abstract class MaintenanceContractTests(IStoreTarget target) : StoreContractTests(target)
{
    private static readonly TimeSpan LongLease = TimeSpan.FromDays(365);

    private async Task<long> CountAsync(string setting, string sql) =>
        Convert.ToInt64(await Target.ScalarAsync(setting, sql, Ct), CultureInfo.InvariantCulture);

    private static SyncLogEntry Log(string docName, string docType = "Customer", string status = "success") => new()
    {
        DocType = docType, DocName = docName, Action = "update", Direction = "cloud_to_local", Status = status,
    };

    [Fact]
    public async Task PruneAsync_SeparateCutOffs_RemovesOldProcessedItemsAndOldLogsButEveryUnprocessedOrFailedItemSurvives()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);

        // 100 days ago: one queue item in every state, failed and errored pairs, open and resolved conflicts, logs.
        var ids = new Dictionary<string, long>();
        foreach (var name in new[] { "processed-old", "pending", "retrying", "leased", "dead", "expired-lease" })
            ids[name] = await db.Queue.EnqueueAsync(Event(name), Ct);
        (await db.Queue.ClaimAsync("w1", 10, LongLease, Ct)).Count.ShouldBe(6);
        await db.Queue.CompleteAsync(ids["processed-old"], "w1", Ct);
        await db.Queue.ReleaseAsync(ids["pending"], "w1", Ct);
        await db.Queue.FailAsync(ids["retrying"], "w1", "site down", Clock.GetUtcNow() + TimeSpan.FromDays(400), Ct);
        await db.Queue.FailAsync(ids["dead"], "w1", "validation error", null, Ct);
        await db.Queue.RenewLeaseAsync(ids["expired-lease"], "w1", TimeSpan.FromMinutes(1), Ct);
        await db.Store.SaveRecordAsync(Pair("Customer", "F-1", "F-1", SyncStatus.Failed), Ct);
        await db.Store.SaveRecordAsync(Pair("Customer", "E-1", "E-1", SyncStatus.Error), Ct);
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "K-1", "K-1", SyncStatus.Conflict), [Log("K-1", status: "conflict")], new ConflictRecord { DocType = "Customer", DocName = "K-1" }), Ct);
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "K-2", "K-2"), [Log("K-2")], new ConflictRecord { DocType = "Customer", DocName = "K-2" }), Ct);
        await db.Store.ResolveConflictAsync((await db.Store.ListConflictsAsync(false, Ct)).Single(c => c.DocName == "K-2").Id, "cloud", Ct);
        await db.Store.AppendLogAsync(Log("old-failure", status: "failed"), Ct);

        // 50 days ago: a processed item and a log that the 30-day queue rule removes and the 90-day log rule keeps.
        Clock.Advance(TimeSpan.FromDays(50));
        ids["processed-50"] = await db.Queue.EnqueueAsync(Event("processed-50"), Ct);
        await CompleteOnlyAsync(db, ids["processed-50"], ids["expired-lease"], "w2");
        await db.Store.AppendLogAsync(Log("log-50"), Ct);

        // Yesterday: a processed item that stays.
        Clock.Advance(TimeSpan.FromDays(49));
        ids["processed-1"] = await db.Queue.EnqueueAsync(Event("processed-1"), Ct);
        await CompleteOnlyAsync(db, ids["processed-1"], ids["expired-lease"], "w3");
        Clock.Advance(TimeSpan.FromDays(1));
        var before = await db.Maintenance.CountAsync(Ct);

        var result = await db.Maintenance.PruneAsync(RetentionPolicy.FromDays(90, 30, Clock.GetUtcNow()), Ct);

        result.ShouldBe(new PruneResult(LogsDeleted: 3, QueueItemsDeleted: 2));
        var kept = new[] { "pending", "retrying", "leased", "dead", "expired-lease", "processed-1" }.Select(n => ids[n]).ToList();
        (await CountAsync(setting, $"SELECT count(*) FROM webhook_queue WHERE id IN ({string.Join(",", kept)})")).ShouldBe(kept.Count);
        (await CountAsync(setting, "SELECT count(*) FROM webhook_queue")).ShouldBe(kept.Count);
        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery(), Ct))).Select(l => l.DocName).ShouldBe(["log-50"]);
        var after = await db.Maintenance.CountAsync(Ct);
        after.ShouldBe(before with { Logs = 1, QueueProcessed = 1 });
        after.Pairs.ShouldBe(4);
        (await db.Store.ListConflictsAsync(includeResolved: true, Ct)).Count.ShouldBe(2);
    }

    /// <summary>Completes <paramref name="id"/>; every other due item is put back as it was (pending, or under an expiring lease).</summary>
    private static async Task CompleteOnlyAsync(IStateDatabase db, long id, long expiringLease, string owner)
    {
        var claimed = await db.Queue.ClaimAsync(owner, 20, LongLease, Ct);
        claimed.Select(i => i.Id).ShouldContain(id);
        foreach (var item in claimed)
        {
            if (item.Id == id) await db.Queue.CompleteAsync(id, owner, Ct);
            else if (item.Id == expiringLease) await db.Queue.RenewLeaseAsync(item.Id, owner, TimeSpan.FromMinutes(1), Ct);
            else await db.Queue.ReleaseAsync(item.Id, owner, Ct);
        }
    }

    [Fact]
    public async Task PruneAsync_ZeroDays_KeepsThatKindForever()
    {
        var db = await OpenAsync();
        await db.Store.AppendLogAsync(Log("ancient"), Ct);
        var id = await db.Queue.EnqueueAsync(Event("ancient"), Ct);
        (await db.Queue.ClaimAsync("w", 1, LongLease, Ct)).ShouldHaveSingleItem();
        await db.Queue.CompleteAsync(id, "w", Ct);
        Clock.Advance(TimeSpan.FromDays(3000));

        (await db.Maintenance.PruneAsync(RetentionPolicy.FromDays(0, 0, Clock.GetUtcNow()), Ct)).ShouldBe(new PruneResult(0, 0));
        (await db.Maintenance.PruneAsync(RetentionPolicy.FromDays(0, 1, Clock.GetUtcNow()), Ct)).ShouldBe(new PruneResult(0, 1));
        (await db.Maintenance.PruneAsync(RetentionPolicy.FromDays(1, 0, Clock.GetUtcNow()), Ct)).ShouldBe(new PruneResult(1, 0));
    }

    private async Task<IStateDatabase> SeedTwoDocTypesAsync(string setting)
    {
        var db = await OpenAsync(setting);
        await db.Store.SaveRecordAsync(Pair("Customer", "CUST-1", "CUST-1"), Ct);
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "CUST-2", "CUST-2", SyncStatus.Conflict), [], new ConflictRecord { DocType = "Customer", DocName = "CUST-2" }), Ct);
        await db.Store.SaveRecordAsync(Pair("Sales Order", "SO-C-1", "SO-L-7"), Ct);
        await db.Store.CommitAsync(new SyncCommit(Pair("Sales Order", "SO-C-2", "SO-L-8", SyncStatus.Conflict), [], new ConflictRecord { DocType = "Sales Order", DocName = "SO-C-2" }), Ct);
        await db.Queue.EnqueueAsync(Event("CUST-1"), Ct);
        await db.Queue.EnqueueAsync(Event("SO-C-1", "Sales Order"), Ct);
        await db.Queue.EnqueueAsync(Event("SO-L-7", "Sales Order", SiteName.Local), Ct);
        await db.Queue.EnqueueAsync(Event("SO-L-8", "Sales Order", SiteName.Local), Ct);
        await db.Store.SetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Modified, new DocCursor("2026-01-01 00:00:00", "CUST-2"), Ct);
        await db.Store.SetCursorAsync(SiteName.Cloud, "Sales Order", CursorKind.Modified, new DocCursor("2026-01-01 00:00:00", "SO-C-2"), Ct);
        return db;
    }

    [Fact]
    public async Task ResetAsync_OneDocumentByItsLocalName_RemovesExactlyThatPairAndItsQueueItemsOnBothSites()
    {
        var setting = await NewSettingAsync();
        var db = await SeedTwoDocTypesAsync(setting);
        var before = await db.Maintenance.CountAsync(Ct);

        var result = await db.Maintenance.ResetAsync(new ResetScope("Sales Order", "SO-L-7", Queue: true), Ct);

        result.ShouldBe(new ResetResult(Pairs: 1, OpenConflicts: 0, QueueItems: 2, Cursors: 0));
        (await db.Store.FindRecordAsync("Sales Order", SiteName.Cloud, "SO-C-1", Ct)).ShouldBeNull();
        (await db.Store.FindRecordAsync("Sales Order", SiteName.Cloud, "SO-C-2", Ct)).ShouldNotBeNull();
        (await CountAsync(setting, "SELECT count(*) FROM webhook_queue WHERE docname IN ('SO-C-1', 'SO-L-7')")).ShouldBe(0);
        (await db.Maintenance.CountAsync(Ct)).ShouldBe(before with { Pairs = before.Pairs - 1, QueuePending = before.QueuePending - 2, Logs = before.Logs + 1 });
    }

    [Fact]
    public async Task ResetAsync_DocTypeWithoutQueue_RemovesItsPairsConflictsAndCursorsOnlyAndLeavesTheQueue()
    {
        var setting = await NewSettingAsync();
        var db = await SeedTwoDocTypesAsync(setting);

        var result = await db.Maintenance.ResetAsync(new ResetScope("Sales Order", null, Queue: false), Ct);

        result.ShouldBe(new ResetResult(Pairs: 2, OpenConflicts: 1, QueueItems: 0, Cursors: 1));
        (await ToListAsync(db.Store.ListRecordsAsync("Sales Order", Ct))).ShouldBeEmpty();
        (await ToListAsync(db.Store.ListRecordsAsync("Customer", Ct))).Count.ShouldBe(2);
        (await db.Store.ListConflictsAsync(false, Ct)).ShouldHaveSingleItem().DocType.ShouldBe("Customer");
        (await db.Store.GetCursorAsync(SiteName.Cloud, "Sales Order", CursorKind.Modified, Ct)).ShouldBeNull();
        (await db.Store.GetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Modified, Ct)).ShouldNotBeNull();
        (await db.Maintenance.CountAsync(Ct)).QueuePending.ShouldBe(4);
    }

    [Fact]
    public async Task ResetAsync_EverythingWithQueue_RemovesAllStateAndUnprocessedItemsButKeepsProcessedHistoryAndAudit()
    {
        var setting = await NewSettingAsync();
        var db = await SeedTwoDocTypesAsync(setting);
        var done = await db.Queue.EnqueueAsync(Event("done"), Ct);
        var dead = await db.Queue.EnqueueAsync(Event("dead"), Ct);
        foreach (var item in await db.Queue.ClaimAsync("w", 10, LongLease, Ct))
        {
            if (item.Id == done) await db.Queue.CompleteAsync(item.Id, "w", Ct);
            else if (item.Id == dead) await db.Queue.FailAsync(item.Id, "w", "boom", null, Ct);
        }

        var result = await db.Maintenance.ResetAsync(new ResetScope(null, null, Queue: true), Ct);

        result.ShouldBe(new ResetResult(Pairs: 4, OpenConflicts: 2, QueueItems: 5, Cursors: 2));
        var counts = await db.Maintenance.CountAsync(Ct);
        counts.ShouldBe(new StateCounts(Pairs: 0, Logs: 1, QueuePending: 0, QueueProcessing: 0, QueueProcessed: 1, QueueDead: 0, OpenConflicts: 0, Cursors: 0));
        var audit = (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery(), Ct))).ShouldHaveSingleItem();
        audit.Action.ShouldBe("reset");
        audit.DocType.ShouldBe("*");
        audit.Message.ShouldBe("sync state of every DocType reset: 4 pair(s), 2 open conflict(s), 2 sweep cursor(s), 5 queue item(s) removed");
    }

    [Fact]
    public async Task ResetAsync_NameWithoutDocType_IsRefused()
    {
        var db = await OpenAsync();
        await Should.ThrowAsync<ArgumentException>(() => db.Maintenance.ResetAsync(new ResetScope(null, "CUST-1", false), Ct));
    }

    [Fact]
    public async Task CompactAsync_AfterLargeDelete_RunsAndLeavesEveryRowReadable()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        var payload = new string('x', 2000);
        var logs = Enumerable.Range(0, 3000).Select(i => Log($"C-{i}") with { Message = payload }).ToList();
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-0", "C-0"), logs), Ct);
        Clock.Advance(TimeSpan.FromDays(10));
        await db.Store.AppendLogAsync(Log("recent"), Ct);
        await db.Maintenance.PruneAsync(RetentionPolicy.FromDays(5, 0, Clock.GetUtcNow()), Ct);
        await db.Maintenance.CompactAsync(CompactMode.Online, Ct);
        var beforeFull = await db.Maintenance.GetSizeAsync(Ct);

        var result = await db.Maintenance.CompactAsync(CompactMode.Full, Ct);

        result.Steps.ShouldNotBeEmpty();
        result.WalFullyCheckpointed.ShouldBeTrue();
        var afterFull = await db.Maintenance.GetSizeAsync(Ct);
        afterFull.ShouldBeGreaterThan(0);
        if (Target.Provider == StateProvider.Sqlite)
        {
            result.Steps.ShouldBe(["VACUUM", "ANALYZE", "wal_checkpoint(TRUNCATE)"]);
            afterFull.ShouldBeLessThan(beforeFull / 4, $"{beforeFull} bytes before VACUUM");
        }

        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery(), Ct))).ShouldHaveSingleItem().DocName.ShouldBe("recent");
        (await db.Store.FindRecordAsync("Customer", SiteName.Cloud, "C-0", Ct)).ShouldNotBeNull();
    }
}
