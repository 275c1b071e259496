using ErpSync.Core.State;

namespace ErpSync.Store.Operations;

/// <summary>
/// Day-2 operations on an open state database: size, online backup, retention, compaction and reset.
/// Used by <c>erpsync backup</c>, <c>maintenance</c> and <c>reset</c>, and by the server's daily pruning.
/// </summary>
public interface IStateMaintenance
{
    /// <summary>
    /// Bytes the database takes on disk now: the SQLite file plus its WAL, or on PostgreSQL erpsync's tables
    /// with their indexes and TOAST (other data in the same database is not counted).
    /// </summary>
    Task<long> GetSizeAsync(CancellationToken cancellationToken);

    /// <summary>Rows per table and queue status, for reports and checks.</summary>
    Task<StateCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// SQLite: writes a consistent copy of the database as of one instant to <paramref name="destinationPath"/>
    /// while writers carry on (SQLite's online backup API), as one self-contained file without server heartbeats.
    /// The file appears only when complete. PostgreSQL: not supported, see <see cref="ExternalBackupCommand"/>.
    /// </summary>
    /// <exception cref="IOException">The destination exists or cannot be written.</exception>
    /// <exception cref="NotSupportedException">The database is on PostgreSQL.</exception>
    Task<BackupResult> BackupAsync(string destinationPath, CancellationToken cancellationToken);

    /// <summary>The <c>pg_dump</c> command line that backs the PostgreSQL database up to <paramref name="destinationPath"/> (never with the password); <c>null</c> on SQLite.</summary>
    string? ExternalBackupCommand(string destinationPath);

    /// <summary>The <c>pg_restore</c> command line that restores <paramref name="backupPath"/> (never with the password); <c>null</c> on SQLite.</summary>
    string? ExternalRestoreCommand(string backupPath);

    /// <summary>
    /// Deletes audit rows and processed queue rows older than the policy's cut-offs, in short batches so
    /// intake never waits long. Pending, processing and dead queue items, sync records and conflicts are never touched.
    /// </summary>
    Task<PruneResult> PruneAsync(RetentionPolicy policy, CancellationToken cancellationToken);

    /// <summary>
    /// Reclaims space and refreshes planner statistics. <see cref="CompactMode.Full"/> on SQLite rewrites the
    /// file (VACUUM), which blocks writers while it runs; <see cref="CompactMode.Online"/> never does.
    /// </summary>
    Task<CompactResult> CompactAsync(CompactMode mode, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets sync state in one transaction: the pairs of <paramref name="scope"/> with their open conflicts,
    /// the sweep cursors of a DocType or of all, and with <see cref="ResetScope.Queue"/> the unprocessed queue
    /// items; the audit log gets a <c>reset</c> row. Resolved conflicts and the audit history are kept.
    /// </summary>
    Task<ResetResult> ResetAsync(ResetScope scope, CancellationToken cancellationToken);
}
