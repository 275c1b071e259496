using System.Globalization;

namespace ErpSync.Server.Upkeep;

/// <summary>The server's own housekeeping: its heartbeat in the state database and the daily retention pass.</summary>
public sealed record UpkeepOptions
{
    /// <summary>
    /// How often the server records that it is alive (<c>server_instances</c>), so <c>erpsync restore</c> and
    /// <c>reset</c> refuse to run beside it. A beat counts for three periods. Default 30 s.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Days of <c>sync_logs</c> kept (<c>retention.logs_days</c>); 0 keeps them forever. Default 90.</summary>
    public int LogsRetentionDays { get; init; } = 90;

    /// <summary>Days processed queue items are kept (<c>retention.queue_days</c>); 0 keeps them forever. Default 30.</summary>
    public int QueueRetentionDays { get; init; } = 30;

    /// <summary>Time between retention passes (the first runs at start); zero turns them off. Default one day.</summary>
    public TimeSpan PruneInterval { get; init; } = TimeSpan.FromDays(1);

    internal IEnumerable<string> Problems()
    {
        if (HeartbeatInterval < TimeSpan.FromSeconds(1))
            yield return "the heartbeat interval must be at least 1 second";
        if (LogsRetentionDays < 0)
            yield return $"retention.logs_days must be 0 (keep forever) or more, not {LogsRetentionDays.ToString(CultureInfo.InvariantCulture)}";
        if (QueueRetentionDays < 0)
            yield return $"retention.queue_days must be 0 (keep forever) or more, not {QueueRetentionDays.ToString(CultureInfo.InvariantCulture)}";
        if (PruneInterval < TimeSpan.Zero)
            yield return "the pruning interval must be 0 (off) or more";
    }
}
