namespace ErpSync.Store.Operations;

/// <summary>Rows in the state database.</summary>
/// <param name="Pairs"><c>sync_records</c> rows.</param>
/// <param name="Logs"><c>sync_logs</c> rows.</param>
/// <param name="QueuePending">Queue items waiting (new or retrying).</param>
/// <param name="QueueProcessing">Queue items under a lease.</param>
/// <param name="QueueProcessed">Processed queue items still retained.</param>
/// <param name="QueueDead">Dead-lettered queue items.</param>
/// <param name="OpenConflicts">Unresolved conflicts.</param>
/// <param name="Cursors">Sweep cursors.</param>
public sealed record StateCounts(long Pairs, long Logs, long QueuePending, long QueueProcessing, long QueueProcessed, long QueueDead, long OpenConflicts, long Cursors);
