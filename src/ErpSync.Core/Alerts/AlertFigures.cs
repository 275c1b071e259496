using ErpSync.Core.State;

namespace ErpSync.Core.Alerts;

/// <summary>The figures alerts are judged on, gathered from the state database (and, in the server, the sites' circuits).</summary>
public sealed record AlertFigures
{
    /// <summary>Document pairs in <c>error</c> or <c>failed</c>.</summary>
    public long ErrorRecords { get; init; }

    /// <summary>Dead-lettered queue items.</summary>
    public long DeadLetters { get; init; }

    /// <summary>Unresolved conflicts.</summary>
    public long UnresolvedConflicts { get; init; }

    /// <summary>Creation time of the oldest pending or in-progress queue item (UTC), or <c>null</c> when none waits.</summary>
    public DateTimeOffset? OldestPendingCreatedAt { get; init; }

    /// <summary>Sites seen unreachable, each with when it was first seen so (UTC). Empty when unknown (the CLI).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> UnreachableSince { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>The store's figures from a <see cref="StoreStatus"/>.</summary>
    public static AlertFigures From(StoreStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new AlertFigures
        {
            ErrorRecords = status.RecordsByStatus.GetValueOrDefault(SyncStatus.Error) + status.RecordsByStatus.GetValueOrDefault(SyncStatus.Failed),
            DeadLetters = status.Queue.Dead,
            UnresolvedConflicts = status.UnresolvedConflicts,
            OldestPendingCreatedAt = status.Queue.OldestPendingCreatedAt,
        };
    }
}
