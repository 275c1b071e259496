namespace ErpSync.Core.State;

/// <summary>A snapshot of the state database for <c>status</c>, <c>/status</c> and alerts.</summary>
public sealed record StoreStatus
{
    /// <summary>Pairs per <see cref="SyncStatus"/>.</summary>
    public IReadOnlyDictionary<SyncStatus, long> RecordsByStatus { get; init; } = new Dictionary<SyncStatus, long>();

    /// <summary>Per-DocType figures.</summary>
    public IReadOnlyList<DocTypeStatus> DocTypes { get; init; } = [];

    /// <summary>Conflicts not yet resolved.</summary>
    public long UnresolvedConflicts { get; init; }

    /// <summary>Queue figures.</summary>
    public QueueStats Queue { get; init; } = new();
}

/// <summary>Per-DocType figures.</summary>
/// <param name="DocType">DocType.</param>
/// <param name="Tracked">Pairs known.</param>
/// <param name="Synced">Pairs in sync.</param>
/// <param name="Errors">Pairs in error or failed.</param>
/// <param name="Conflicts">Pairs in conflict.</param>
/// <param name="LastSynced">Most recent agreement of any pair of this DocType.</param>
/// <param name="OldestPending">Creation time of the oldest pending queue item of this DocType (lag).</param>
public sealed record DocTypeStatus(string DocType, long Tracked, long Synced, long Errors, long Conflicts, DateTimeOffset? LastSynced, DateTimeOffset? OldestPending);
