using ErpSync.Cli.Configuration;
using ErpSync.Cli.Operations;
using ErpSync.Store;
using Microsoft.Extensions.Logging;

namespace ErpSync.Cli.Syncing;

/// <summary>
/// The state database a sync run uses. A dry run never creates the configured database: when it does not exist
/// yet, the plan is made against an empty throw-away one (exactly what a first real sync would start from).
/// </summary>
internal sealed class SyncDatabase : IAsyncDisposable
{
    private readonly string? scratchFolder;

    private SyncDatabase(IStateDatabase database, string? scratchFolder)
    {
        Database = database;
        this.scratchFolder = scratchFolder;
    }

    public IStateDatabase Database { get; }

    /// <summary>Whether the run plans against an empty scratch database because none exists yet.</summary>
    public bool IsScratch => scratchFolder is not null;

    public static async Task<SyncDatabase> OpenAsync(ErpSyncConfig config, bool dryRun, TimeProvider time, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        if (dryRun && config.Database.Provider == DatabaseProvider.Sqlite && config.Database.SqlitePath is { } path && !File.Exists(path))
            return await OpenScratchAsync(time, loggers, cancellationToken);

        return new SyncDatabase(await StateDatabaseAccess.OpenAsync(config, time, loggers, cancellationToken), null);
    }

    /// <summary>An empty throw-away SQLite database in the temp folder, deleted on dispose.</summary>
    public static async Task<SyncDatabase> OpenScratchAsync(TimeProvider time, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "erpsync-scratch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return new SyncDatabase(await StateDatabase.OpenAsync(Path.Combine(folder, "plan.db"), time, loggers, cancellationToken), folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (scratchFolder is not null)
        {
            try
            {
                Directory.Delete(scratchFolder, recursive: true);
            }
            catch (IOException)
            {
                // A connection pool still closing the file; the temp folder is the OS's to clean.
            }
        }
    }
}
