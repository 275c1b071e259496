using Microsoft.Extensions.Logging;

namespace ErpSync.Store.Logging;

/// <summary>The store's log lines. Descriptions never hold a password.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(1, LogLevel.Information, "Opened state database {Database} at schema version {Version}")]
    public static partial void Opened(this ILogger logger, string database, int version);

    [LoggerMessage(2, LogLevel.Information, "Applied schema migration {Version} ({Description}) to {Database}")]
    public static partial void MigrationApplied(this ILogger logger, int version, string description, string database);

    [LoggerMessage(3, LogLevel.Error, "A batch of {Count} state writes could not be committed")]
    public static partial void BatchFailed(this ILogger logger, Exception exception, int count);

    [LoggerMessage(4, LogLevel.Warning, "Queue item {ItemId} is no longer leased by {Owner}; its {Operation} was ignored")]
    public static partial void LeaseLost(this ILogger logger, long itemId, string owner, string operation);

    [LoggerMessage(5, LogLevel.Information, "Retention removed {Logs} audit rows and {QueueItems} processed queue rows older than {OlderThan}")]
    public static partial void Pruned(this ILogger logger, long logs, long queueItems, DateTimeOffset olderThan);

    [LoggerMessage(6, LogLevel.Warning, "Releasing the advisory lock for {Key} failed; it ends with its connection's session instead")]
    public static partial void UnlockFailed(this ILogger logger, Exception exception, string key);

    [LoggerMessage(7, LogLevel.Warning, "SQLite journal mode is {Mode}, not WAL, for {Database}: readers will wait for writers")]
    public static partial void NotWal(this ILogger logger, string mode, string database);
}
