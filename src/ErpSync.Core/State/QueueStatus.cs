namespace ErpSync.Core.State;

/// <summary>State of a <c>webhook_queue</c> row (stored lowercase).</summary>
public enum QueueStatus
{
    /// <summary>Waiting to be claimed once <c>next_attempt_at</c> has passed (new, or retry scheduled after a failure).</summary>
    Pending,

    /// <summary>Claimed by a worker holding an unexpired lease.</summary>
    Processing,

    /// <summary>Done (applied, no-op, or coalesced into another item).</summary>
    Processed,

    /// <summary>Dead-lettered after <c>max_attempts</c>; only <c>erpsync retry</c> brings it back.</summary>
    Dead,
}
