using System.Data.Common;
using System.Globalization;
using ErpSync.Store.Postgres;
using ErpSync.Store.Schema;
using ErpSync.Store.Sql;
using ErpSync.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpSync.Store.Tests.Contract;

public abstract class MigrationContractTests(IStoreTarget target) : StoreContractTests(target)
{
    /// <summary>The original tool's tables and columns (users' SQL relies on them) plus what the design adds.</summary>
    public static readonly TheoryData<string, string> Columns = new()
    {
        { "sync_records", "id, doctype, docname, cloud_modified, local_modified, last_synced, sync_hash_cloud, sync_hash_local, sync_direction, is_syncing, sync_status, error_message, retry_count, created_at, updated_at" },
        { "sync_records", "cloud_name, local_name, cloud_docstatus, local_docstatus, base_snapshot" },
        { "sync_logs", "id, timestamp, doctype, docname, action, direction, status, message, changes_json, cloud_name, local_name" },
        { "conflict_records", "id, doctype, docname, cloud_data, local_data, cloud_modified, local_modified, resolved, resolution, resolved_at, created_at" },
        { "conflict_records", "sync_record_id, cloud_name, local_name, base_data, conflicting_fields, reason, strategy" },
        { "webhook_queue", "id, source, doctype, docname, action, payload, processed, processing, created_at, processed_at, error_message, retry_count" },
        { "webhook_queue", "status, attempts, next_attempt_at, lease_owner, lease_expires_at" },
        { "sync_cursors", "site, doctype, kind, ts, name" },
        { "schema_version", "version, description, applied_at" },
    };

    private SchemaDefinition Schema => Target.Provider == StateProvider.Sqlite ? SqliteSchema.Definition : PostgresSchema.Definition;

    private SqlDialect Dialect => Target.Provider == StateProvider.Sqlite ? SqliteDialect.Instance : PostgresDialect.Instance;

    private async Task<long> CountAsync(string setting, string sql) =>
        Convert.ToInt64(await Target.ScalarAsync(setting, sql, Ct), CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Columns), MemberType = typeof(MigrationContractTests))]
    public async Task OpenAsync_NewDatabase_HasEveryTableAndColumn(string table, string columns)
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);

        db.SchemaVersion.ShouldBe(Schema.LatestVersion);
        (await CountAsync(setting, $"SELECT count(*) FROM (SELECT {columns} FROM {table}) AS t")).ShouldBe(table == "schema_version" ? Schema.Migrations.Count : 0);
    }

    [Fact]
    public async Task OpenAsync_ExistingDatabase_IsIdempotentAndKeepsData()
    {
        var setting = await NewSettingAsync();
        var first = await OpenAsync(setting);
        var pair = await first.Store.SaveRecordAsync(Pair("Customer", "C-1", "C-1"), Ct);
        await first.Queue.EnqueueAsync(Event("C-1"), Ct);
        await CloseAsync(first);

        var again = await OpenAsync(setting);

        again.SchemaVersion.ShouldBe(Schema.LatestVersion);
        (await CountAsync(setting, "SELECT count(*) FROM schema_version")).ShouldBe(Schema.Migrations.Count);
        (await again.Store.GetRecordAsync(pair.Id, Ct)).ShouldBe(pair);
        (await again.Queue.GetStatsAsync(Ct)).Pending.ShouldBe(1);
    }

    [Fact]
    public async Task OpenAsync_SameNewDatabaseOpenedTwiceAtOnce_MigratesOnce()
    {
        var setting = await NewSettingAsync();

        var both = await Task.WhenAll(OpenAsync(setting), OpenAsync(setting));

        both.ShouldAllBe(db => db.SchemaVersion == Schema.LatestVersion);
        (await CountAsync(setting, "SELECT count(*) FROM schema_version")).ShouldBe(Schema.Migrations.Count);
    }

    [Fact]
    public async Task OpenAsync_NewerSchema_IsRefusedNamingBothVersions()
    {
        var setting = await NewSettingAsync();
        await CloseAsync(await OpenAsync(setting));
        var newer = Schema.LatestVersion + 7;
        await Target.ScalarAsync(setting, $"INSERT INTO schema_version (version, description, applied_at) VALUES ({newer}, 'from the future', '2030-01-01 00:00:00')", Ct);

        var error = await Should.ThrowAsync<SchemaVersionException>(() => OpenAsync(setting));

        error.DatabaseVersion.ShouldBe(newer);
        error.SupportedVersion.ShouldBe(Schema.LatestVersion);
        error.Message.ShouldContain($"schema version {newer}");
        error.Message.ShouldContain($"versions up to {Schema.LatestVersion}");
        error.Message.ShouldContain("upgrade erpsync");
    }

    [Fact]
    public async Task OpenAsync_ForeignTablesWithoutVersionTable_IsRefusedAndChangesNothing()
    {
        var setting = await NewSettingAsync();
        await Target.ScalarAsync(setting, "CREATE TABLE sync_records (id integer PRIMARY KEY, doctype text, docname text)", Ct);
        await Target.ScalarAsync(setting, "INSERT INTO sync_records (id, doctype, docname) VALUES (1, 'Customer', 'OLD-1')", Ct);

        var error = await Should.ThrowAsync<StateDatabaseException>(() => OpenAsync(setting));

        error.Message.ShouldContain("no schema_version table");
        (await CountAsync(setting, "SELECT count(*) FROM sync_records")).ShouldBe(1);
        await Should.ThrowAsync<DbException>(() => Target.ScalarAsync(setting, "SELECT count(*) FROM schema_version", Ct));
    }

    [Fact]
    public async Task MigrateAsync_NextVersion_AppliesOnlyTheNewStepAndRecordsIt()
    {
        var setting = await NewSettingAsync();
        await CloseAsync(await OpenAsync(setting));
        var next = Schema.LatestVersion + 1;
        var upgraded = Schema with { Migrations = [.. Schema.Migrations, new Migration(next, "add notes", "CREATE TABLE erpsync_notes (id integer PRIMARY KEY, note text)")] };

        await using (var connection = await Target.OpenConnectionAsync(setting, Ct))
            (await new SchemaMigrator(upgraded, Dialect, Clock, NullLogger.Instance).MigrateAsync(connection, setting, Ct)).ShouldBe(next);

        (await CountAsync(setting, "SELECT max(version) FROM schema_version")).ShouldBe(next);
        (await CountAsync(setting, "SELECT count(*) FROM erpsync_notes")).ShouldBe(0);
        (await Should.ThrowAsync<SchemaVersionException>(() => OpenAsync(setting))).DatabaseVersion.ShouldBe(next);
    }

    [Fact]
    public async Task MigrateAsync_FailingStep_RollsBackTheWholeStep()
    {
        var setting = await NewSettingAsync();
        await CloseAsync(await OpenAsync(setting));
        var broken = Schema with
        {
            Migrations = [.. Schema.Migrations, new Migration(Schema.LatestVersion + 1, "broken", "CREATE TABLE erpsync_half (id integer); SELECT * FROM no_such_table;")],
        };

        await using (var connection = await Target.OpenConnectionAsync(setting, Ct))
            await Should.ThrowAsync<DbException>(() => new SchemaMigrator(broken, Dialect, Clock, NullLogger.Instance).MigrateAsync(connection, setting, Ct));

        (await CountAsync(setting, "SELECT max(version) FROM schema_version")).ShouldBe(Schema.LatestVersion);
        await Should.ThrowAsync<DbException>(() => Target.ScalarAsync(setting, "SELECT count(*) FROM erpsync_half", Ct));
        (await OpenAsync(setting)).SchemaVersion.ShouldBe(Schema.LatestVersion);
    }
}
