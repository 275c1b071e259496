using System.Globalization;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store.Sqlite;
using ErpSync.Store.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace ErpSync.Store.Tests.Sqlite;

/// <summary>The SQLite writer: group commit, isolation of a failing caller, busy waiting, flush on close.</summary>
public sealed class SqliteWriterTests(SqliteTarget target) : StoreContractTests(target), IClassFixture<SqliteTarget>
{
    [Fact]
    public async Task EnqueueAsync_HundredCallersWhileWriterBusy_ShareOneCommitAndAreDurableOnReturn()
    {
        var setting = await NewSettingAsync();
        var db = (SqliteStateDatabase)await OpenAsync(setting);
        var (started, release, blocker) = HoldWriter(db);
        await started;
        var batchesBefore = db.Writer.CommittedBatches;

        var enqueues = Enumerable.Range(0, 100).Select(i => db.Queue.EnqueueAsync(Event($"C-{i}"), Ct)).ToList();
        enqueues.ShouldAllBe(t => !t.IsCompleted);
        release.SetResult();
        var ids = await Task.WhenAll(enqueues);
        await blocker;

        (db.Writer.CommittedBatches - batchesBefore).ShouldBe(2, "the held unit's commit, then one commit for all hundred");
        ids.Distinct().Count().ShouldBe(100);
        (await Target.ScalarAsync(setting, $"SELECT count(*) FROM webhook_queue WHERE id IN ({string.Join(',', ids)})", Ct)).ShouldBe(100L);
    }

    [Fact]
    public async Task WriteAsync_OneCallerFailsInABatch_ItsNeighboursStillCommit()
    {
        var setting = await NewSettingAsync();
        var db = (SqliteStateDatabase)await OpenAsync(setting);
        await db.Store.SaveRecordAsync(Pair("Item", "I-1", "I-1"), Ct);
        var (started, release, blocker) = HoldWriter(db);
        await started;

        var before = Enumerable.Range(0, 10).Select(i => db.Queue.EnqueueAsync(Event($"B-{i}"), Ct)).ToList();
        var duplicate = db.Store.SaveRecordAsync(Pair("Item", "I-1", "I-9"), Ct);
        var after = Enumerable.Range(0, 10).Select(i => db.Queue.EnqueueAsync(Event($"A-{i}"), Ct)).ToList();
        release.SetResult();
        await blocker;

        await Should.ThrowAsync<InvalidOperationException>(() => duplicate);
        var ids = await Task.WhenAll(before.Concat(after));
        (await Target.ScalarAsync(setting, $"SELECT count(*) FROM webhook_queue WHERE id IN ({string.Join(',', ids)})", Ct)).ShouldBe(20L);
        (await Target.ScalarAsync(setting, "SELECT count(*) FROM sync_records", Ct)).ShouldBe(1L);
    }

    [Fact]
    public async Task EnqueueAsync_AnotherConnectionHoldsTheWriteLock_WaitsForItInsteadOfFailing()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        await using var other = new SqliteConnection($"Data Source={setting};Pooling=False");
        await other.OpenAsync(Ct);
        await using var foreign = (SqliteTransaction)await other.BeginTransactionAsync(Ct);
        await using (var command = new SqliteCommand("INSERT INTO sync_cursors (site, doctype, kind, ts, name, updated_at) VALUES ('cloud', 'X', 'modified', 't', 'n', 'u')", other, foreign))
            await command.ExecuteNonQueryAsync(Ct);

        var enqueue = db.Queue.EnqueueAsync(Event("C-1"), Ct);
        (await Task.WhenAny(enqueue, Task.Delay(300, Ct))).ShouldNotBe(enqueue);
        await foreign.CommitAsync(Ct);

        (await enqueue.WaitAsync(TimeSpan.FromSeconds(20), Ct)).ShouldBeGreaterThan(0);
        (await db.Store.GetCursorAsync(SiteName.Cloud, "X", CursorKind.Modified, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task DisposeAsync_WritesStillQueued_AreCommittedBeforeTheFileCloses()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        var pending = Enumerable.Range(0, 50).Select(i => db.Queue.EnqueueAsync(Event($"C-{i}"), Ct)).ToList();

        await CloseAsync(db);

        (await Task.WhenAll(pending)).Length.ShouldBe(50);
        await Should.ThrowAsync<ObjectDisposedException>(() => db.Queue.EnqueueAsync(Event("late"), Ct));
        var reopened = await OpenAsync(setting);
        (await reopened.Queue.GetStatsAsync(Ct)).Pending.ShouldBe(50);
    }

    [Fact]
    public async Task OpenAsync_NewFile_UsesWriteAheadLogging()
    {
        var setting = await NewSettingAsync();
        await OpenAsync(setting);

        (await Target.ScalarAsync(setting, "PRAGMA journal_mode", Ct)).ShouldBe("wal");
    }

    [Fact]
    public async Task StoredTimes_OriginalToolQueries_WorkWithSqliteDateFunctions()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        await db.Store.SaveRecordAsync(Pair("Customer", "RECENT", "RECENT") with { LastSynced = now - TimeSpan.FromMinutes(1) }, Ct);
        await db.Store.SaveRecordAsync(Pair("Customer", "OLD", "OLD") with { LastSynced = now - TimeSpan.FromHours(2) }, Ct);
        await db.Queue.EnqueueAsync(Event("RECENT"), Ct);

        (await Target.ScalarAsync(setting, "SELECT docname FROM sync_records WHERE last_synced > datetime('now', '-5 minutes')", Ct)).ShouldBe("RECENT");
        (await Target.ScalarAsync(setting, "SELECT count(*) FROM sync_records WHERE sync_status = 'synced' AND last_synced < datetime('now', '-1 hour')", Ct)).ShouldBe(1L);
        (await Target.ScalarAsync(setting, "SELECT count(*) FROM webhook_queue WHERE processed = 0 AND created_at >= datetime('now', '-1 minute')", Ct)).ShouldBe(1L);
        var stored = (string)(await Target.ScalarAsync(setting, "SELECT created_at FROM sync_records WHERE docname = 'OLD'", Ct))!;
        DateTime.ParseExact(stored, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture).ShouldBe(now.UtcDateTime, TimeSpan.FromMinutes(1));
    }

    /// <summary>Occupies the writer with a unit that waits for the test, so later callers queue up behind it.</summary>
    private static (Task Started, TaskCompletionSource Release, Task<int> Blocker) HoldWriter(SqliteStateDatabase db)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = db.Writer.WriteAsync(
            async (_, _, _) =>
            {
                started.TrySetResult();
                await release.Task;
                return 0;
            },
            Ct);
        return (started.Task, release, blocker);
    }
}
