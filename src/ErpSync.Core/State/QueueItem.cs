using ErpSync.Core.Sites;

namespace ErpSync.Core.State;

/// <summary>A <c>webhook_queue</c> row.</summary>
public sealed record QueueItem
{
    /// <summary>Row id.</summary>
    public long Id { get; init; }

    /// <summary>Site the event came from.</summary>
    public SiteName Source { get; init; }

    /// <summary>DocType.</summary>
    public required string DocType { get; init; }

    /// <summary>Name on <see cref="Source"/>.</summary>
    public required string DocName { get; init; }

    /// <summary>Event name.</summary>
    public required string Action { get; init; }

    /// <summary>Raw body or note.</summary>
    public string Payload { get; init; } = "";

    /// <summary>Current state.</summary>
    public QueueStatus Status { get; init; }

    /// <summary>Attempts started so far (incremented on each claim).</summary>
    public int Attempts { get; init; }

    /// <summary>Not claimable before this time (UTC).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Worker holding the lease.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>Lease expiry (UTC); an expired lease makes the item claimable again.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>Last failure reason.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When it was accepted (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it reached Processed (UTC).</summary>
    public DateTimeOffset? ProcessedAt { get; init; }
}
