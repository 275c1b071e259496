using System.Data;
using Dapper;
using ErpSync.Store.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ErpSync.Store.Operations;

/// <summary>
/// Maintenance of a SQLite state database. Backup and compaction run on connections of their own beside
/// the writer: the online backup reads one snapshot (WAL lets the writer carry on meanwhile), and VACUUM,
/// which needs the write lock, makes the writer wait on its busy timeout rather than fail.
/// </summary>
internal sealed class SqliteMaintenance(IStoreConnections db, string connectionString, string description, TimeProvider time, ILogger logger)
    : SqlMaintenance(db, time, logger)
{
    private const int BusyTimeoutMilliseconds = 30_000;

    // Online ANALYZE samples this many rows per index, so it holds the write lock only briefly.
    private const int OnlineAnalysisLimit = 1000;

    private string FilePath { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;

    public override Task<long> GetSizeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(SqliteFiles.SizeOnDisk(FilePath));
    }

    public override async Task<BackupResult> BackupAsync(string destinationPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var destination = Path.GetFullPath(destinationPath);
        if (string.Equals(destination, FilePath, StringComparison.Ordinal))
            throw new IOException($"A backup cannot overwrite the database it copies ({destination}); choose another file.");
        if (File.Exists(destination))
            throw new IOException($"{destination} already exists; a backup never overwrites a file. Choose another name or move that file away.");
        var folder = Path.GetDirectoryName(destination);
        if (folder is not null && !Directory.Exists(folder))
            throw new IOException($"The folder {folder} for the backup does not exist; create it or choose another path.");

        // Written under a temporary name and renamed when complete, so a crash or a full disk never
        // leaves a half-written file under the name an operator would restore from.
        var partial = destination + ".partial";
        SqliteFiles.DeleteWithSidecars(partial);
        try
        {
            await Task.Run(() => CopySnapshot(partial), cancellationToken);
            var (version, counts) = await FinishCopyAsync(partial, cancellationToken);
            File.Move(partial, destination);
            var bytes = new FileInfo(destination).Length;
            Logger.BackedUp(description, destination, bytes, version);
            return new BackupResult(destination, bytes, version, counts);
        }
        catch
        {
            SqliteFiles.DeleteWithSidecars(partial);
            throw;
        }
    }

    private void CopySnapshot(string partial)
    {
        using var source = SqliteFiles.Open(FilePath, SqliteOpenMode.ReadWrite);
        using var copy = SqliteFiles.Open(partial, SqliteOpenMode.ReadWriteCreate);
        source.Execute($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");

        // One backup step over all pages reads one snapshot of the source, so the copy is exactly the
        // database as of one commit, whatever the writer does meanwhile.
        source.BackupDatabase(copy);
    }

    private static async Task<(int Version, StateCounts Counts)> FinishCopyAsync(string partial, CancellationToken cancellationToken)
    {
        await using var copy = SqliteFiles.Open(partial, SqliteOpenMode.ReadWrite);

        // A single self-contained file (no -wal beside it), without the heartbeats of the servers running
        // now: restored later, it must not look held by a server.
        await copy.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode = DELETE", cancellationToken: cancellationToken));
        if (SqliteFiles.HasTable(copy, "server_instances"))
            await copy.ExecuteAsync(new CommandDefinition("DELETE FROM server_instances", cancellationToken: cancellationToken));
        var check = await copy.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA quick_check", cancellationToken: cancellationToken));
        if (!string.Equals(check, "ok", StringComparison.Ordinal))
            throw new StateDatabaseException($"The backup copy failed SQLite's check ({check}); it was not kept. Run `erpsync backup` again; if it fails again, the source database may be damaged.");

        var version = await copy.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT max(version) FROM schema_version", cancellationToken: cancellationToken)) ?? 0;
        return (version, await ReadCountsAsync(copy, cancellationToken));
    }

    public override string? ExternalBackupCommand(string destinationPath) => null;

    public override string? ExternalRestoreCommand(string backupPath) => null;

    public override async Task<CompactResult> CompactAsync(CompactMode mode, CancellationToken cancellationToken)
    {
        var steps = new List<string>();
        bool complete;
        await using (var connection = SqliteFiles.Open(FilePath, SqliteOpenMode.ReadWrite))
        {
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}", cancellationToken: cancellationToken));
            if (mode == CompactMode.Full)
            {
                await connection.ExecuteAsync(new CommandDefinition("VACUUM", commandType: CommandType.Text, cancellationToken: cancellationToken));
                steps.Add("VACUUM");
                await connection.ExecuteAsync(new CommandDefinition("ANALYZE", commandType: CommandType.Text, cancellationToken: cancellationToken));
                steps.Add("ANALYZE");
            }
            else
            {
                await connection.ExecuteAsync(new CommandDefinition($"PRAGMA analysis_limit = {OnlineAnalysisLimit}", cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition("ANALYZE", commandType: CommandType.Text, cancellationToken: cancellationToken));
                steps.Add($"ANALYZE (sampled, analysis_limit {OnlineAnalysisLimit})");
            }

            // TRUNCATE also waits for readers and shrinks the -wal file to zero; PASSIVE never waits for anyone.
            var checkpoint = mode == CompactMode.Full ? "TRUNCATE" : "PASSIVE";
            var (busy, log, done) = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(
                new CommandDefinition($"PRAGMA wal_checkpoint({checkpoint})", cancellationToken: cancellationToken));
            complete = busy == 0 && log == done;
            steps.Add($"wal_checkpoint({checkpoint})");
        }

        Logger.Compacted(description, string.Join(", ", steps));
        return new CompactResult(steps, complete);
    }
}
