using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ErpSync.Store.Operations;

/// <summary>
/// A checked copy of a backup waiting beside the state database. <see cref="CommitAsync"/> swaps it in,
/// keeping the replaced file; disposing without committing removes the copy and changes nothing.
/// </summary>
public sealed class StagedRestore : IAsyncDisposable
{
    private readonly string _staging;
    private readonly TimeProvider _time;
    private bool _committed;

    internal StagedRestore(string backupPath, string databasePath, string staging, StateFileSummary summary, TimeProvider time)
    {
        BackupPath = backupPath;
        DatabasePath = databasePath;
        _staging = staging;
        Summary = summary;
        _time = time;
    }

    /// <summary>The backup being restored.</summary>
    public string BackupPath { get; }

    /// <summary>The state database it will replace.</summary>
    public string DatabasePath { get; }

    /// <summary>What the backup holds.</summary>
    public StateFileSummary Summary { get; }

    /// <summary>
    /// Replaces the state database with the backup. The current database (if any) is first folded into one
    /// self-contained file and renamed <c>NAME-yyyyMMdd-HHmmss-replaced.EXT</c> beside it, never deleted.
    /// </summary>
    /// <exception cref="StateDatabaseInUseException">A server or another process holds the database.</exception>
    public async Task<RestoreResult> CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        string? kept = null;
        if (File.Exists(DatabasePath))
        {
            var holders = await SqliteStateFiles.FindHoldersAsync(DatabasePath, _time, cancellationToken);
            if (holders.Any)
                throw new StateDatabaseInUseException(DatabasePath, holders);

            await Task.Run(() => FoldWal(DatabasePath), cancellationToken);
            kept = KeptName(DatabasePath, _time.GetUtcNow());
            File.Move(DatabasePath, kept);
            SqliteFiles.MoveSidecars(DatabasePath, kept);
        }
        else
        {
            // A -wal left without its database must never be replayed into the restored one.
            File.Delete(DatabasePath + "-wal");
            File.Delete(DatabasePath + "-shm");
        }

        File.Move(_staging, DatabasePath);
        _committed = true;
        return new RestoreResult(DatabasePath, kept, Summary);
    }

    public ValueTask DisposeAsync()
    {
        if (!_committed)
            SqliteFiles.DeleteWithSidecars(_staging);
        _committed = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>Leaves the replaced database as one file: its WAL checkpointed into it and removed.</summary>
    private static void FoldWal(string path)
    {
        using var connection = SqliteFiles.Open(path, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = DELETE;";
        command.ExecuteNonQuery();
    }

    private static string KeptName(string path, DateTimeOffset now)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var candidate = Path.Combine(folder, $"{stem}-{stamp}-replaced{extension}");
        for (var n = 2; File.Exists(candidate); n++)
            candidate = Path.Combine(folder, $"{stem}-{stamp}-replaced-{n}{extension}");
        return candidate;
    }
}
