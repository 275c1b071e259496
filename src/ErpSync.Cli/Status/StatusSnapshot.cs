using ErpSync.Core.Alerts;

namespace ErpSync.Cli.Status;

/// <summary>What <c>erpsync status</c> shows, and its <c>--json</c> document (snake_case; fields are only ever added).</summary>
internal sealed record StatusSnapshot
{
    public required DateTimeOffset CheckedAt { get; init; }

    public required string Database { get; init; }

    /// <summary>Servers with a live heartbeat in the database (none: nothing works the queue).</summary>
    public required IReadOnlyList<StatusServer> Servers { get; init; }

    /// <summary>Document pairs per sync status (every status listed, zeros included).</summary>
    public required IReadOnlyDictionary<string, long> Records { get; init; }

    public required StatusQueue Queue { get; init; }

    public required IReadOnlyList<StatusDocType> Doctypes { get; init; }

    public required IReadOnlyList<StatusOperation> RecentOperations { get; init; }

    public required long UnresolvedConflicts { get; init; }

    /// <summary>The newest unresolved conflicts (at most the list length).</summary>
    public required IReadOnlyList<StatusConflict> Conflicts { get; init; }

    public required StatusThresholds Thresholds { get; init; }

    /// <summary>Crossed thresholds; <c>status --check</c> exits 1 when there is any.</summary>
    public required IReadOnlyList<Alert> Alerts { get; init; }
}

/// <summary>A server holding the database, from its heartbeat.</summary>
internal sealed record StatusServer(string Id, string Host, int ProcessId, string? Version, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt);

/// <summary>Queue depth by status and the age of the oldest waiting item.</summary>
internal sealed record StatusQueue(long Pending, long Retrying, long Processing, long Dead, long Processed, DateTimeOffset? OldestPendingCreatedAt, double? OldestPendingAgeSeconds);

/// <summary>One DocType: pairs, last agreement and lag (age of its oldest waiting queue item; 0 when none waits).</summary>
internal sealed record StatusDocType(string Doctype, bool Configured, long Tracked, long Synced, long Errors, long Conflicts, DateTimeOffset? LastSynced, double? LastSyncedAgeSeconds, double LagSeconds);

/// <summary>One audit row.</summary>
internal sealed record StatusOperation(DateTimeOffset Timestamp, string Doctype, string Docname, string Action, string Direction, string Status, string? Message);

/// <summary>One unresolved conflict.</summary>
internal sealed record StatusConflict(long Id, string Doctype, string Docname, IReadOnlyList<string> Fields, string? Reason, DateTimeOffset CreatedAt);

/// <summary>The thresholds judged (0 = off): counts, and ages in seconds.</summary>
internal sealed record StatusThresholds(long Errors, long DeadLetters, long UnresolvedConflicts, double QueueAgeSeconds, double SiteUnreachableSeconds);
