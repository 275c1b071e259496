namespace ErpSync.Core.State;

/// <summary>What a retention pass removed.</summary>
/// <param name="LogsDeleted">Old <c>sync_logs</c> rows removed.</param>
/// <param name="QueueItemsDeleted">Old processed <c>webhook_queue</c> rows removed.</param>
public sealed record PruneResult(long LogsDeleted, long QueueItemsDeleted);
