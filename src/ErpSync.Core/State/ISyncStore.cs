using ErpSync.Core.Sites;

namespace ErpSync.Core.State;

/// <summary>
/// The sync state: document pairs and their name map, the audit log, conflicts and sweep cursors.
/// Implemented on SQLite and PostgreSQL by ErpSync.Store; both pass one contract suite. Every write is
/// transactional and durable when the task completes.
/// </summary>
public interface ISyncStore
{
    /// <summary>The pair whose name on <paramref name="site"/> is <paramref name="name"/>, or <c>null</c>.</summary>
    Task<SyncRecord?> FindRecordAsync(string docType, SiteName site, string name, CancellationToken cancellationToken);

    /// <summary>The pair with this id, or <c>null</c>.</summary>
    Task<SyncRecord?> GetRecordAsync(long id, CancellationToken cancellationToken);

    /// <summary>Every pair of a DocType, in id order, streamed.</summary>
    IAsyncEnumerable<SyncRecord> ListRecordsAsync(string docType, CancellationToken cancellationToken);

    /// <summary>
    /// Pairs in a given status (any DocType when <paramref name="docType"/> is <c>null</c>), in id order —
    /// for retrying errors and listing what waits.
    /// </summary>
    IAsyncEnumerable<SyncRecord> ListRecordsByStatusAsync(SyncStatus status, string? docType, CancellationToken cancellationToken);

    /// <summary>Inserts (Id 0) or updates the pair; returns it with its Id and timestamps set.</summary>
    Task<SyncRecord> SaveRecordAsync(SyncRecord record, CancellationToken cancellationToken);

    /// <summary>Saves the pair, appends the logs and records the conflict (linked to the pair) in one transaction.</summary>
    Task<SyncRecord> CommitAsync(SyncCommit commit, CancellationToken cancellationToken);

    /// <summary>Removes pairs (and their unresolved conflicts) of one document, one DocType, or all when both are <c>null</c>; returns how many.</summary>
    Task<long> DeleteRecordsAsync(string? docType, string? name, CancellationToken cancellationToken);

    /// <summary>Appends one audit row.</summary>
    Task AppendLogAsync(SyncLogEntry entry, CancellationToken cancellationToken);

    /// <summary>Audit rows matching <paramref name="query"/>, newest first.</summary>
    IAsyncEnumerable<SyncLogEntry> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken);

    /// <summary>Conflicts, newest first; unresolved only unless <paramref name="includeResolved"/>.</summary>
    Task<IReadOnlyList<ConflictRecord>> ListConflictsAsync(bool includeResolved, CancellationToken cancellationToken);

    /// <summary>A conflict by id, or <c>null</c>.</summary>
    Task<ConflictRecord?> GetConflictAsync(long id, CancellationToken cancellationToken);

    /// <summary>Marks a conflict resolved with <paramref name="resolution"/> at the store's current time.</summary>
    Task ResolveConflictAsync(long id, string resolution, CancellationToken cancellationToken);

    /// <summary>The sweep cursor of a site and DocType, or <c>null</c> before the first sweep.</summary>
    Task<DocCursor?> GetCursorAsync(SiteName site, string docType, CursorKind kind, CancellationToken cancellationToken);

    /// <summary>Stores the sweep cursor of a site and DocType.</summary>
    Task SetCursorAsync(SiteName site, string docType, CursorKind kind, DocCursor cursor, CancellationToken cancellationToken);

    /// <summary>Counts for <c>status</c>, <c>/status</c> and alerts.</summary>
    Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>Deletes <c>sync_logs</c> and processed queue rows older than <paramref name="olderThan"/>, in batches.</summary>
    Task<PruneResult> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
