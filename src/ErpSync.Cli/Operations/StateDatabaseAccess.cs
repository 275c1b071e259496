using ErpSync.Cli.Composition;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Store;
using ErpSync.Store.Operations;
using ErpSync.Store.Presence;
using Microsoft.Extensions.Logging;

namespace ErpSync.Cli.Operations;

/// <summary>How the operations commands reach the state database: only an existing one, and never beside a server when they must not.</summary>
internal static class StateDatabaseAccess
{
    /// <summary>Refuses a SQLite database that does not exist yet (opening would create an empty one and hide a wrong ERPSYNC_DB).</summary>
    public static void RequireExisting(DatabaseSettings database)
    {
        if (database.Provider == DatabaseProvider.Sqlite && database.SqlitePath is { } path && !File.Exists(path))
        {
            throw new CliException($"there is no state database at {path}; run 'erpsync init' to create one, or point ERPSYNC_DB at the right file");
        }
    }

    public static async Task<IStateDatabase> OpenAsync(ErpSyncConfig config, TimeProvider time, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        try
        {
            return await StateDatabase.OpenAsync(StateDatabaseSetting.From(config.Database), time, loggers, cancellationToken);
        }
        catch (StateDatabaseException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failure, ex);
        }
    }

    /// <summary>SQLite: who holds the file, probed before this process opens it. Call before <see cref="OpenAsync"/>.</summary>
    public static async Task<DatabaseHolders> FindFileHoldersAsync(DatabaseSettings database, TimeProvider time, CancellationToken cancellationToken) =>
        database.Provider == DatabaseProvider.Sqlite && database.SqlitePath is { } path
            ? await SqliteStateFiles.FindHoldersAsync(path, time, cancellationToken)
            : DatabaseHolders.None;

    /// <summary>Everything that holds the database: the SQLite probe taken before opening, plus live heartbeats in the open database.</summary>
    public static async Task<DatabaseHolders> HoldersAsync(DatabaseHolders fileHolders, IStateDatabase database, CancellationToken cancellationToken)
    {
        var live = await database.Servers.ListLiveAsync(cancellationToken);
        var servers = fileHolders.LiveServers.Concat(live).DistinctBy(s => s.Id).ToList();
        return new DatabaseHolders(fileHolders.FileInUse, servers);
    }

    /// <summary>The refusal for <paramref name="action"/> while <paramref name="holders"/> hold the database, naming how to stop them.</summary>
    public static CliException InUse(string action, string display, DatabaseHolders holders)
    {
        var who = holders.LiveServers.Count > 0
            ? $"it is in use by {string.Join("; ", holders.LiveServers.Select(Describe))}"
            : "it is open in another process (an erpsync server, or another erpsync command still running)";
        return new OperationRefusedException(
            $"cannot {action} while the state database {display} is in use: {who}",
            [
                "Stop the server first: 'sudo systemctl stop erpsync' when it runs as a service ('erpsync service install'), or Ctrl+C where it runs in a terminal;",
                "then run this command again, and start the server afterwards ('sudo systemctl start erpsync').",
            ]);
    }

    private static string Describe(ServerInstance server) => server.Describe();
}
