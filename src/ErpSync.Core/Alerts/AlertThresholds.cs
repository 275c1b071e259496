namespace ErpSync.Core.Alerts;

/// <summary>
/// When alerts fire: each figure alerts once it reaches its threshold. A threshold of 0 (or
/// <see cref="TimeSpan.Zero"/>) turns that alert off. The defaults match the <c>alerts.thresholds</c> defaults
/// of <c>config.yaml</c>.
/// </summary>
public sealed record AlertThresholds
{
    /// <summary>Document pairs in <c>error</c> or <c>failed</c>; default 10.</summary>
    public long Errors { get; init; } = 10;

    /// <summary>Dead-lettered queue items; default 1 (any).</summary>
    public long DeadLetters { get; init; } = 1;

    /// <summary>Unresolved conflicts; default 1 (any).</summary>
    public long UnresolvedConflicts { get; init; } = 1;

    /// <summary>Age of the oldest pending or in-progress queue item; default 5 minutes.</summary>
    public TimeSpan QueueAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a site may stay unreachable before it alerts; default 2 minutes.</summary>
    public TimeSpan SiteUnreachable { get; init; } = TimeSpan.FromMinutes(2);
}
