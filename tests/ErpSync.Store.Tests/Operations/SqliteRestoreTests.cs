using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store.Operations;
using ErpSync.Store.Presence;
using ErpSync.Store.Tests.Sqlite;
using ErpSync.TestKit.Time;

namespace ErpSync.Store.Tests.Operations;

/// <summary>Who holds a database file, and restoring backups in place of it.</summary>
public sealed class SqliteRestoreTests(SqliteTarget target) : IClassFixture<SqliteTarget>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 1, 30, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A closed state database holding one pair named <paramref name="pair"/>.</summary>
    private async Task<string> DatabaseWithAsync(string pair)
    {
        var path = await target.NewSettingAsync(Ct);
        await using var db = await StateDatabase.OpenAsync(path, _clock, null, Ct);
        await db.Store.SaveRecordAsync(new SyncRecord { DocType = "Customer", CloudName = pair, LocalName = pair }, Ct);
        return path;
    }

    [Fact]
    public async Task FindHoldersAsync_OpenElsewhereThenClosed_ReportsTheOpenConnectionOnlyWhileItIsOpen()
    {
        var path = await DatabaseWithAsync("A");
        var db = await StateDatabase.OpenAsync(path, _clock, null, Ct);

        var held = await SqliteStateFiles.FindHoldersAsync(path, _clock, Ct);
        held.FileInUse.ShouldBeTrue();
        held.LiveServers.ShouldBeEmpty();

        await db.DisposeAsync();
        (await SqliteStateFiles.FindHoldersAsync(path, _clock, Ct)).Any.ShouldBeFalse();
        (await SqliteStateFiles.FindHoldersAsync(path + ".missing", _clock, Ct)).Any.ShouldBeFalse();
    }

    [Fact]
    public async Task FindHoldersAsync_UnexpiredHeartbeat_ListsTheServerUntilItExpires()
    {
        var path = await DatabaseWithAsync("A");
        var server = new ServerInstance("srv-1", "erp-host", 4242, "1.0", _clock.GetUtcNow());
        await using (var db = await StateDatabase.OpenAsync(path, _clock, null, Ct))
            await db.Servers.BeatAsync(server, TimeSpan.FromSeconds(30), Ct);

        var holders = await SqliteStateFiles.FindHoldersAsync(path, _clock, Ct);

        holders.FileInUse.ShouldBeFalse();
        holders.LiveServers.ShouldHaveSingleItem().ProcessId.ShouldBe(4242);
        _clock.Advance(TimeSpan.FromSeconds(31));
        (await SqliteStateFiles.FindHoldersAsync(path, _clock, Ct)).Any.ShouldBeFalse();
    }

    [Fact]
    public async Task CommitAsync_NobodyHoldsTheDatabase_SwapsInTheBackupAndKeepsTheReplacedFileUnderATimestampedName()
    {
        var backup = await DatabaseWithAsync("FROM-BACKUP");
        var database = await DatabaseWithAsync("CURRENT");
        await using (var db = await StateDatabase.OpenAsync(backup, _clock, null, Ct))
            await db.Servers.BeatAsync(new ServerInstance("old", "h", 1, null, _clock.GetUtcNow()), TimeSpan.FromHours(1), Ct);

        RestoreResult result;
        await using (var staged = await SqliteStateFiles.StageRestoreAsync(backup, database, _clock, Ct))
        {
            staged.Summary.SchemaVersion.ShouldBe(SqliteStateFiles.SupportedSchemaVersion);
            staged.Summary.Counts.Pairs.ShouldBe(1);
            result = await staged.CommitAsync(Ct);
        }

        var folder = Path.GetDirectoryName(database)!;
        var stem = Path.GetFileNameWithoutExtension(database);
        result.ReplacedFileKeptAs.ShouldBe(Path.Combine(folder, $"{stem}-20261122-013000-replaced.db"));
        File.Exists(database + ".restoring").ShouldBeFalse();
        File.Exists(result.ReplacedFileKeptAs + "-wal").ShouldBeFalse();
        await using (var restored = await StateDatabase.OpenAsync(database, _clock, null, Ct))
        {
            (await restored.Store.FindRecordAsync("Customer", SiteName.Cloud, "FROM-BACKUP", Ct)).ShouldNotBeNull();
            (await restored.Store.FindRecordAsync("Customer", SiteName.Cloud, "CURRENT", Ct)).ShouldBeNull();
            (await restored.Servers.ListLiveAsync(Ct)).ShouldBeEmpty("a backup's heartbeats must not make the restored database look held");
        }

        await using (var kept = await StateDatabase.OpenAsync(result.ReplacedFileKeptAs!, _clock, null, Ct))
            (await kept.Store.FindRecordAsync("Customer", SiteName.Cloud, "CURRENT", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task CommitAsync_DatabaseOpenByAServer_IsRefusedAndChangesNothing()
    {
        var backup = await DatabaseWithAsync("FROM-BACKUP");
        var database = await DatabaseWithAsync("CURRENT");
        var before = await File.ReadAllBytesAsync(database, Ct);
        await using var server = await StateDatabase.OpenAsync(database, _clock, null, Ct);
        await server.Servers.BeatAsync(new ServerInstance("srv", "erp-host", 99, null, _clock.GetUtcNow()), TimeSpan.FromSeconds(30), Ct);

        await using (var staged = await SqliteStateFiles.StageRestoreAsync(backup, database, _clock, Ct))
        {
            var error = await Should.ThrowAsync<StateDatabaseInUseException>(() => staged.CommitAsync(Ct));
            error.Holders.FileInUse.ShouldBeTrue();
            error.Holders.LiveServers.ShouldHaveSingleItem().Host.ShouldBe("erp-host");
            error.Message.ShouldContain("erpsync serve on erp-host (process 99");
        }

        File.Exists(database + ".restoring").ShouldBeFalse();
        (await server.Store.FindRecordAsync("Customer", SiteName.Cloud, "CURRENT", Ct)).ShouldNotBeNull();
        Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "-*replaced*").ShouldBeEmpty();
        before.Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task StageRestoreAsync_NewerSchema_IsRefusedNamingBothVersions()
    {
        var backup = await DatabaseWithAsync("X");
        var newer = SqliteStateFiles.SupportedSchemaVersion + 5;
        await target.ScalarAsync(backup, $"INSERT INTO schema_version (version, description, applied_at) VALUES ({newer}, 'future', '2030-01-01 00:00:00')", Ct);

        var error = await Should.ThrowAsync<SchemaVersionException>(() => SqliteStateFiles.StageRestoreAsync(backup, backup + ".target", _clock, Ct));

        error.DatabaseVersion.ShouldBe(newer);
        error.SupportedVersion.ShouldBe(SqliteStateFiles.SupportedSchemaVersion);
        error.Message.ShouldContain($"schema version {newer}");
        File.Exists(backup + ".target.restoring").ShouldBeFalse();
    }

    [Fact]
    public async Task StageRestoreAsync_NotASqliteFile_IsRefused()
    {
        var path = await target.NewSettingAsync(Ct);
        await File.WriteAllTextAsync(path, "CLOUD_API_SECRET=nope\n", Ct);

        var error = await Should.ThrowAsync<StateDatabaseException>(() => SqliteStateFiles.StageRestoreAsync(path, path + ".target", _clock, Ct));

        error.Message.ShouldContain("is not a SQLite database");
    }

    [Fact]
    public async Task StageRestoreAsync_SqliteFileOfAnotherTool_IsRefused()
    {
        var path = await target.NewSettingAsync(Ct);
        await target.ScalarAsync(path, "CREATE TABLE sync_records (id INTEGER PRIMARY KEY, doctype TEXT)", Ct);

        var error = await Should.ThrowAsync<StateDatabaseException>(() => SqliteStateFiles.StageRestoreAsync(path, path + ".target", _clock, Ct));

        error.Message.ShouldContain("not an erpsync state database");
    }

    [Fact]
    public async Task StageRestoreAsync_MissingBackup_IsRefused()
    {
        var path = await target.NewSettingAsync(Ct);
        await Should.ThrowAsync<FileNotFoundException>(() => SqliteStateFiles.StageRestoreAsync(path, path + ".target", _clock, Ct));
    }
}
