namespace ErpSync.Core.Configuration;

/// <summary><c>sync_rules.retry</c>: attempts before an item is dead-lettered and the base of the exponential backoff.</summary>
public sealed record RetryRules
{
    /// <summary>Attempts in total (first try included). Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Base delay in seconds; attempt n waits about base × 2^(n−1) with jitter. Default 2.</summary>
    public double BackoffSeconds { get; init; } = 2;
}
