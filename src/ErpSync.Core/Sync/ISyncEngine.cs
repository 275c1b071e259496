using ErpSync.Core.Sites;

namespace ErpSync.Core.Sync;

/// <summary>
/// Brings document pairs to agreement or records exactly why not. Used by the queue workers (one document),
/// the sweep and <c>erpsync sync</c> (a DocType or everything), and conflict resolution.
/// </summary>
public interface ISyncEngine
{
    /// <summary>
    /// Syncs the pair of the document called <paramref name="name"/> on <paramref name="source"/> (which may no
    /// longer exist there: a deletion). Serialised per pair. Never throws for an expected outcome.
    /// </summary>
    Task<SyncOutcome> SyncDocumentAsync(string docType, SiteName source, string name, SyncRunOptions options, CancellationToken cancellationToken);

    /// <summary>Full reconciliation of one DocType: both sides' (name, modified) lists against the store; only differing pairs are fetched.</summary>
    Task<SyncSummary> SyncDocTypeAsync(string docType, SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Full reconciliation of every configured DocType, ordered by the link graph.</summary>
    Task<SyncSummary> SyncAllAsync(SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Settles a recorded conflict by writing the chosen content to both sites and marking it resolved.</summary>
    Task<SyncOutcome> ResolveConflictAsync(long conflictId, ConflictChoice choice, CancellationToken cancellationToken);
}
