using Microsoft.Extensions.Logging;

namespace ErpSync.Store.Operations;

/// <summary>Log lines of backups, retention, compaction and resets (event ids 100+, apart from the store's own).</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(100, LogLevel.Information, "Backed up {Database} to {Path} ({Bytes} bytes, schema version {Version})")]
    public static partial void BackedUp(this ILogger logger, string database, string path, long bytes, int version);

    [LoggerMessage(101, LogLevel.Information, "Retention removed {Logs} audit rows older than {LogsBefore} and {QueueItems} processed queue rows older than {QueueBefore}")]
    public static partial void RetentionApplied(this ILogger logger, long logs, long queueItems, DateTimeOffset? logsBefore, DateTimeOffset? queueBefore);

    [LoggerMessage(102, LogLevel.Information, "Compacted {Database}: {Steps}")]
    public static partial void Compacted(this ILogger logger, string database, string steps);

    [LoggerMessage(103, LogLevel.Information, "Sync state of {Scope} reset: {Pairs} pairs, {Conflicts} open conflicts, {QueueItems} queue items, {Cursors} sweep cursors removed")]
    public static partial void StateReset(this ILogger logger, string scope, long pairs, long conflicts, long queueItems, long cursors);

    [LoggerMessage(104, LogLevel.Information, "Restored {Database} from {Backup}; the replaced file was kept as {Kept}")]
    public static partial void Restored(this ILogger logger, string database, string backup, string? kept);
}
