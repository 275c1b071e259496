using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Init;

/// <summary>
/// Stand-in until ErpSync.Store lands: creates nothing and reports what <c>init</c> will create.
/// Phase B replaces it in <see cref="CliHost.FromProcess"/> with the store's migrator.
/// </summary>
internal sealed class PendingStateDatabaseInitializer : IStateDatabaseInitializer
{
    private const string Tables = "sync_records, sync_logs, conflict_records, webhook_queue, sync_cursors";

    public Task<StateDatabaseInitResult> InitializeAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        var what = database.Provider == DatabaseProvider.Sqlite
            ? $"would create the SQLite database {database.Display} (WAL mode) with the tables {Tables}"
            : $"would create the tables {Tables} in {database.Display}";
        var exists = database.SqlitePath is { } path && File.Exists(path) ? " (a file already exists there and would be migrated, not replaced)" : "";
        return Task.FromResult(new StateDatabaseInitResult(
            StateDatabaseInitOutcome.NotAvailable,
            $"{what}{exists}; the state store is not part of this build yet, so nothing was created"));
    }
}
