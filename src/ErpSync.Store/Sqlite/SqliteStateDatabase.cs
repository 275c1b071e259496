using Dapper;
using ErpSync.Core.State;
using ErpSync.Store.Connection;
using ErpSync.Store.Locks;
using ErpSync.Store.Logging;
using ErpSync.Store.Operations;
using ErpSync.Store.Presence;
using ErpSync.Store.Queue;
using ErpSync.Store.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ErpSync.Store.Sqlite;

/// <summary>
/// The embedded state database: WAL (readers never wait for the writer), synchronous=FULL (a commit
/// survives power loss, as enqueue promises), a busy timeout (other processes such as a CLI command may
/// write the same file), foreign keys on.
/// </summary>
internal sealed class SqliteStateDatabase : IStateDatabase
{
    private const int BusyTimeoutMilliseconds = 30_000;

    // Checkpoints normally run beside the writer (SqliteCheckpointer); this many WAL pages (about 40 MB)
    // make the writer checkpoint itself, which only happens if the background one cannot keep up.
    private const int WriterCheckpointPages = 10_000;

    private readonly SqliteConnections _connections;

    private SqliteStateDatabase(DatabaseSetting setting, SqliteWriter writer, SqliteConnections connections, int schemaVersion, TimeProvider time, ILoggerFactory loggers)
    {
        Description = setting.Description;
        Writer = writer;
        _connections = connections;
        SchemaVersion = schemaVersion;
        Store = new SqlSyncStore(connections, time, loggers.CreateLogger<SqlSyncStore>());
        Queue = new SqlWorkQueue(connections, time, loggers.CreateLogger<SqlWorkQueue>());
        Locks = new KeyedLocks();
        Maintenance = new SqliteMaintenance(connections, setting.ConnectionString, setting.Description, time, loggers.CreateLogger<SqliteMaintenance>());
        Servers = new SqlServerPresence(connections, time);
    }

    public StateProvider Provider => StateProvider.Sqlite;

    public string Description { get; }

    public ISyncStore Store { get; }

    public IWorkQueue Queue { get; }

    public IDocumentLocks Locks { get; }

    public int SchemaVersion { get; }

    public IStateMaintenance Maintenance { get; }

    public IServerPresence Servers { get; }

    internal SqliteWriter Writer { get; }

    public static async Task<SqliteStateDatabase> OpenAsync(DatabaseSetting setting, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger<SqliteStateDatabase>();
        var writerConnection = new SqliteConnection(new SqliteConnectionStringBuilder(setting.ConnectionString) { Pooling = false }.ConnectionString);
        int version;
        try
        {
            await writerConnection.OpenAsync(cancellationToken);
            await ConfigureWriterAsync(writerConnection, setting.Description, logger, cancellationToken);
            var migrator = new SchemaMigrator(SqliteSchema.Definition, SqliteDialect.Instance, time, logger);
            version = await migrator.MigrateAsync(writerConnection, setting.Description, cancellationToken);
        }
        catch (SqliteException ex)
        {
            await writerConnection.DisposeAsync();
            throw new StateDatabaseException($"Cannot open the state database {setting.Description}: {ex.Message}", ex);
        }
        catch
        {
            await writerConnection.DisposeAsync();
            throw;
        }

        var readers = new SqliteConnectionStringBuilder(setting.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString;
        var checkpointConnection = new SqliteConnection(new SqliteConnectionStringBuilder(setting.ConnectionString) { Pooling = false }.ConnectionString);
        await checkpointConnection.OpenAsync(cancellationToken);
        await checkpointConnection.ExecuteAsync(new CommandDefinition($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}", cancellationToken: cancellationToken));
        var writer = new SqliteWriter(writerConnection, new SqliteCheckpointer(checkpointConnection), loggers.CreateLogger<SqliteWriter>());
        logger.Opened(setting.Description, version);
        return new SqliteStateDatabase(setting, writer, new SqliteConnections(writer, readers), version, time, loggers);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        _connections.ClearReaderPool();
    }

    private static async Task ConfigureWriterAsync(SqliteConnection connection, string description, ILogger logger, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}", cancellationToken: cancellationToken));
        var mode = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken));
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            logger.NotWal(mode ?? "unknown", description);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA synchronous = FULL", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA wal_autocheckpoint = {WriterCheckpointPages}", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = ON", cancellationToken: cancellationToken));
    }
}
