using ErpSync.Store.Connection;
using ErpSync.Store.Postgres;
using ErpSync.Store.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpSync.Store;

/// <summary>Opens the state database named by <c>ERPSYNC_DB</c>, creating and migrating it on first use.</summary>
public static class StateDatabase
{
    /// <summary>
    /// Opens (creating and migrating as needed) the state database named by <paramref name="setting"/>: a
    /// SQLite file path (default <c>sync_state.db</c> when empty), a <c>postgres://user:password@host:port/db</c>
    /// URL, or an Npgsql <c>Host=…;Database=…</c> string.
    /// </summary>
    /// <param name="setting">The <c>ERPSYNC_DB</c> value.</param>
    /// <param name="time">Clock for every stored time (leases, retries, created_at, …).</param>
    /// <param name="loggers">Where to log; nothing is logged when <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="StateDatabaseException">The setting is wrong, the database is unreachable, or it holds a foreign schema.</exception>
    /// <exception cref="SchemaVersionException">The database was written by a newer erpsync.</exception>
    public static async Task<IStateDatabase> OpenAsync(string setting, TimeProvider time, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var parsed = DatabaseSetting.Parse(setting);
        loggers ??= NullLoggerFactory.Instance;
        return parsed.Provider == StateProvider.Postgres
            ? await PostgresStateDatabase.OpenAsync(parsed, time, loggers, cancellationToken)
            : await SqliteStateDatabase.OpenAsync(parsed, time, loggers, cancellationToken);
    }
}
