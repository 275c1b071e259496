namespace ErpSync.Core.State;

/// <summary>Queue depth and age.</summary>
public sealed record QueueStats
{
    /// <summary>Pending items not yet attempted.</summary>
    public long Pending { get; init; }

    /// <summary>Pending items waiting for a retry after a failure.</summary>
    public long Retrying { get; init; }

    /// <summary>Items under a lease.</summary>
    public long Processing { get; init; }

    /// <summary>Processed items still retained.</summary>
    public long Processed { get; init; }

    /// <summary>Dead-lettered items.</summary>
    public long Dead { get; init; }

    /// <summary>Creation time of the oldest pending or processing item (UTC).</summary>
    public DateTimeOffset? OldestPendingCreatedAt { get; init; }
}
