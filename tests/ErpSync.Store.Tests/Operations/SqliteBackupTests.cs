using System.Globalization;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store.Operations;
using ErpSync.Store.Presence;
using ErpSync.Store.Tests.Sqlite;
using ErpSync.TestKit.Time;
using Microsoft.Data.Sqlite;

namespace ErpSync.Store.Tests.Operations;

/// <summary>Online backups of SQLite state databases, taken while writers keep committing.</summary>
public sealed class SqliteBackupTests(SqliteTarget target) : IClassFixture<SqliteTarget>, IAsyncDisposable
{
    private const int Writers = 4;

    private readonly FakeTimeProvider _clock = new();
    private readonly List<IStateDatabase> _open = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Setting, IStateDatabase Db)> OpenNewAsync()
    {
        var setting = await target.NewSettingAsync(Ct);
        var db = await StateDatabase.OpenAsync(setting, _clock, null, Ct);
        _open.Add(db);
        return (setting, db);
    }

    [Fact]
    public async Task BackupAsync_DuringParallelEnqueuesAndCommits_CopiesAConsistentMigratedPrefixThatRestores()
    {
        var (setting, db) = await OpenNewAsync();
        // Some bulk first, so the copy takes long enough for commits to land while it runs.
        var filler = Enumerable.Range(0, 4000).Select(i => new SyncLogEntry
        {
            DocType = "Item", DocName = $"FILL-{i}", Action = "update", Direction = "none", Status = "success", Message = new string('f', 400),
        }).ToList();
        await db.Store.CommitAsync(new SyncCommit(new SyncRecord { DocType = "Item", CloudName = "FILL", LocalName = "FILL" }, filler), Ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var committed = new int[Writers];
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteUntilStoppedAsync(db, w, committed, stop.Token), Ct)).ToList();
        await WaitUntilAsync(() => committed.Sum() >= 40);
        var beforeBackup = committed.Sum();

        var backupPath = Path.Combine(Path.GetDirectoryName(setting)!, "live-backup.db");
        var backup = await db.Maintenance.BackupAsync(backupPath, Ct);

        var afterBackup = committed.Sum();
        await WaitUntilAsync(() => committed.Sum() >= afterBackup + 40);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        backup.Path.ShouldBe(backupPath);
        backup.Bytes.ShouldBe(new FileInfo(backupPath).Length);
        backup.SchemaVersion.ShouldBe(db.SchemaVersion);
        File.Exists(backupPath + "-wal").ShouldBeFalse("the copy is one self-contained file");
        File.Exists(backupPath + ".partial").ShouldBeFalse();

        await using (var copy = await OpenRawAsync(backupPath))
        {
            (await ScalarAsync(copy, "PRAGMA integrity_check")).ShouldBe("ok");
            (await ScalarAsync(copy, "PRAGMA journal_mode")).ShouldBe("delete");
            Convert.ToInt32(await ScalarAsync(copy, "SELECT max(version) FROM schema_version"), CultureInfo.InvariantCulture).ShouldBe(db.SchemaVersion);
            var pairsInCopy = 0L;
            for (var w = 0; w < Writers; w++)
            {
                // Each writer awaits every commit before the next, so its rows in a consistent copy are a
                // prefix 0..n-1, each pair with its audit row (same transaction), each queued before its pair.
                var pairs = await CountAsync(copy, $"SELECT count(*) FROM sync_records WHERE doctype = 'Customer' AND cloud_name LIKE 'W{w}-%'");
                var maxPair = await CountAsync(copy, $"SELECT coalesce(max(CAST(substr(cloud_name, {w.ToString(CultureInfo.InvariantCulture).Length + 3}) AS INTEGER)), -1) FROM sync_records WHERE cloud_name LIKE 'W{w}-%'");
                maxPair.ShouldBe(pairs - 1, $"writer {w}: pairs in the copy are not a prefix");
                (await CountAsync(copy, $"SELECT count(*) FROM sync_logs WHERE docname LIKE 'W{w}-%'")).ShouldBe(pairs, $"writer {w}: a pair without its audit row (torn commit)");
                var queued = await CountAsync(copy, $"SELECT count(*) FROM webhook_queue WHERE docname LIKE 'W{w}-%'");
                queued.ShouldBeInRange(pairs, pairs + 1, $"writer {w}: queue items are not a prefix matching the pairs");
                pairsInCopy += pairs;
            }

            backup.Counts.Pairs.ShouldBe(pairsInCopy + 1);
            pairsInCopy.ShouldBeGreaterThanOrEqualTo(beforeBackup);
            pairsInCopy.ShouldBeLessThanOrEqualTo(afterBackup);
        }

        committed.Sum().ShouldBeGreaterThan((int)backup.Counts.Pairs, "writes went on after the backup");

        // The copy restores to a database the store opens and reads.
        var restoredPath = await target.NewSettingAsync(Ct);
        await using (var staged = await SqliteStateFiles.StageRestoreAsync(backupPath, restoredPath, _clock, Ct))
            (await staged.CommitAsync(Ct)).ReplacedFileKeptAs.ShouldBeNull();
        var restored = await StateDatabase.OpenAsync(restoredPath, _clock, null, Ct);
        _open.Add(restored);
        (await restored.Maintenance.CountAsync(Ct)).ShouldBe(backup.Counts);
        (await restored.Store.FindRecordAsync("Customer", SiteName.Cloud, "W0-0", Ct)).ShouldNotBeNull().LocalName.ShouldBe("L-W0-0");
    }

    private static async Task WriteUntilStoppedAsync(IStateDatabase db, int writer, int[] committed, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var name = $"W{writer}-{i}";
            try
            {
                await db.Queue.EnqueueAsync(new NewQueueItem(SiteName.Cloud, "Customer", name, "on_update", "{}"), stop);
                await db.Store.CommitAsync(
                    new SyncCommit(
                        new SyncRecord { DocType = "Customer", CloudName = name, LocalName = "L-" + name, Status = SyncStatus.Synced, BaseSnapshot = new string('b', 300) },
                        [new SyncLogEntry { DocType = "Customer", DocName = name, Action = "create", Direction = "cloud_to_local", Status = "success" }]),
                    stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref committed[writer]);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
            await Task.Delay(5, Ct);
    }

    [Fact]
    public async Task BackupAsync_ExistingDestination_IsRefusedAndLeavesItAlone()
    {
        var (setting, db) = await OpenNewAsync();
        var existing = Path.Combine(Path.GetDirectoryName(setting)!, "taken.db");
        await File.WriteAllTextAsync(existing, "keep me", Ct);

        var error = await Should.ThrowAsync<IOException>(() => db.Maintenance.BackupAsync(existing, Ct));

        error.Message.ShouldContain("already exists");
        (await File.ReadAllTextAsync(existing, Ct)).ShouldBe("keep me");
        await Should.ThrowAsync<IOException>(() => db.Maintenance.BackupAsync(setting, Ct));
    }

    [Fact]
    public async Task BackupAsync_WhileAServerBeats_CopyHasNoHeartbeat()
    {
        var (setting, db) = await OpenNewAsync();
        await db.Servers.BeatAsync(new ServerInstance("s", "host", 7, null, _clock.GetUtcNow()), TimeSpan.FromMinutes(5), Ct);
        var path = Path.Combine(Path.GetDirectoryName(setting)!, $"hb-{Guid.NewGuid():N}.db");

        await db.Maintenance.BackupAsync(path, Ct);

        (await db.Servers.ListLiveAsync(Ct)).Count.ShouldBe(1);
        (await SqliteStateFiles.FindHoldersAsync(path, _clock, Ct)).Any.ShouldBeFalse();
    }

    internal static async Task<SqliteConnection> OpenRawAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    internal static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql) =>
        Convert.ToInt64(await ScalarAsync(connection, sql), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _open)
            await db.DisposeAsync();
    }
}
