using ErpSync.Core.State;
using ErpSync.Store.Connection;
using ErpSync.Store.Logging;
using ErpSync.Store.Operations;
using ErpSync.Store.Presence;
using ErpSync.Store.Queue;
using ErpSync.Store.Schema;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ErpSync.Store.Postgres;

/// <summary>The shared state database: several <c>erpsync serve</c> processes may open the same one.</summary>
internal sealed class PostgresStateDatabase : IStateDatabase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _lockDataSource;

    private PostgresStateDatabase(DatabaseSetting setting, NpgsqlDataSource dataSource, int schemaVersion, TimeProvider time, ILoggerFactory loggers)
    {
        _dataSource = dataSource;
        // Held locks keep their connection for seconds; a pool of their own means a process full of
        // lock holders can never starve its own queries of connections (a deadlock until timeout).
        var locks = new NpgsqlConnectionStringBuilder(setting.ConnectionString);
        locks.ApplicationName += "-locks";
        _lockDataSource = new NpgsqlDataSourceBuilder(locks.ConnectionString).UseLoggerFactory(loggers).Build();
        Description = setting.Description;
        SchemaVersion = schemaVersion;
        var connections = new PostgresConnections(dataSource);
        Store = new SqlSyncStore(connections, time, loggers.CreateLogger<SqlSyncStore>());
        Queue = new SqlWorkQueue(connections, time, loggers.CreateLogger<SqlWorkQueue>());
        Locks = new PostgresDocumentLocks(_lockDataSource, loggers.CreateLogger<PostgresDocumentLocks>());
        Maintenance = new PostgresMaintenance(connections, setting.ConnectionString, setting.Description, time, loggers.CreateLogger<PostgresMaintenance>());
        Servers = new SqlServerPresence(connections, time);
    }

    public StateProvider Provider => StateProvider.Postgres;

    public string Description { get; }

    public ISyncStore Store { get; }

    public IWorkQueue Queue { get; }

    public IDocumentLocks Locks { get; }

    public int SchemaVersion { get; }

    public IStateMaintenance Maintenance { get; }

    public IServerPresence Servers { get; }

    public static async Task<PostgresStateDatabase> OpenAsync(DatabaseSetting setting, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger<PostgresStateDatabase>();
        var dataSource = new NpgsqlDataSourceBuilder(setting.ConnectionString).UseLoggerFactory(loggers).Build();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var migrator = new SchemaMigrator(PostgresSchema.Definition, PostgresDialect.Instance, time, logger);
            var version = await migrator.MigrateAsync(connection, setting.Description, cancellationToken);
            logger.Opened(setting.Description, version);
            return new PostgresStateDatabase(setting, dataSource, version, time, loggers);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await dataSource.DisposeAsync();
            // Npgsql's messages name the host and user, never the password.
            throw new StateDatabaseException($"Cannot open the state database {setting.Description}: {ex.Message}", ex);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lockDataSource.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
