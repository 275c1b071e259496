using ErpSync.Server.Alerts;
using ErpSync.Server.Verification;

namespace ErpSync.Server.Status;

/// <summary>
/// <c>GET /status</c>. Field names follow the original tool where it had them (<c>status</c>,
/// <c>pending_webhooks</c>, <c>processing_webhooks</c>, <c>timestamp</c>); serialised in snake_case.
/// </summary>
internal sealed record StatusReport
{
    public required string Status { get; init; }

    public string Service { get; init; } = ServerInfo.ServiceName;

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Events waiting for a worker (new ones and those waiting for a retry).</summary>
    public long PendingWebhooks { get; init; }

    public long ProcessingWebhooks { get; init; }

    /// <summary>Of the pending ones, those that failed at least once and wait for their next attempt.</summary>
    public long RetryingWebhooks { get; init; }

    /// <summary>Dead-lettered events: retries exhausted; <c>erpsync retry</c> re-queues them.</summary>
    public long DeadWebhooks { get; init; }

    public long ProcessedWebhooks { get; init; }

    public double? OldestPendingAgeSeconds { get; init; }

    /// <summary>Document pairs by sync status.</summary>
    public IReadOnlyDictionary<string, long> Records { get; init; } = new Dictionary<string, long>();

    /// <summary>Pairs in error or failed.</summary>
    public long FailedRecords { get; init; }

    public long UnresolvedConflicts { get; init; }

    public IReadOnlyList<DocTypeLag> Doctypes { get; init; } = [];

    public IReadOnlyDictionary<string, SiteState> Sites { get; init; } = new Dictionary<string, SiteState>();

    public required WorkerState Workers { get; init; }

    public required SweepState Sweep { get; init; }

    public required string Database { get; init; }

    public IReadOnlyList<RecentOperation> RecentOperations { get; init; } = [];

    public IReadOnlyList<OpenConflict> Conflicts { get; init; } = [];

    /// <summary>Alerts active at the last evaluation.</summary>
    public IReadOnlyList<ActiveAlert> Alerts { get; init; } = [];

    /// <summary>The scheduled full reconciliation; <c>null</c> when not reported.</summary>
    public VerificationState? Verification { get; init; }
}

/// <summary>Per-DocType figures; <c>lag_seconds</c> is the age of its oldest waiting event (0 when none waits).</summary>
internal sealed record DocTypeLag(string Doctype, bool Configured, long Tracked, long Synced, long Errors, long Conflicts,
    DateTimeOffset? LastSynced, DateTimeOffset? OldestPending, double LagSeconds);

/// <summary>A site's address and circuit (<c>closed</c> = reachable).</summary>
internal sealed record SiteState(string? Url, string Circuit);

internal sealed record WorkerState(int Configured, int Busy);

internal sealed record SweepState(double IntervalSeconds, long Passes, DateTimeOffset? LastPassAt);

internal sealed record RecentOperation(DateTimeOffset Timestamp, string Doctype, string Docname, string Action, string Direction, string Status, string? Message);

internal sealed record OpenConflict(long Id, string Doctype, string Docname, IReadOnlyList<string> Fields, string? Reason, string? Strategy, DateTimeOffset CreatedAt);
