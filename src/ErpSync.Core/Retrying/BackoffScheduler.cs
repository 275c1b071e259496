using ErpSync.Core.Configuration;

namespace ErpSync.Core.Retrying;

/// <summary>
/// Pure exponential backoff: attempt n waits about <c>backoff_seconds × 2^(n−1)</c>, jittered, never more than
/// the cap, and never less than a server's <c>Retry-After</c>. The <see cref="Random"/> is injected (seed it in
/// tests) and used under a lock, so one scheduler can serve several workers.
/// </summary>
public sealed class BackoffScheduler
{
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly TimeSpan _base;

    /// <summary>Creates a scheduler.</summary>
    /// <param name="rules">Supplies <see cref="RetryRules.BackoffSeconds"/> (the base delay).</param>
    /// <param name="random">Source of jitter.</param>
    /// <param name="cap">Longest delay; default 5 minutes.</param>
    /// <param name="jitter">Jitter mode; default <see cref="JitterMode.Full"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The base is negative or not a number, or the cap is not positive.</exception>
    public BackoffScheduler(RetryRules rules, Random random, TimeSpan? cap = null, JitterMode jitter = JitterMode.Full)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(random);
        if (double.IsNaN(rules.BackoffSeconds) || rules.BackoffSeconds < 0)
            throw new ArgumentOutOfRangeException(nameof(rules), rules.BackoffSeconds, "sync_rules.retry.backoff_seconds must be zero or more seconds.");
        Cap = cap ?? TimeSpan.FromMinutes(5);
        if (Cap <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(cap), Cap, "The backoff cap must be positive.");
        _random = random;
        _base = TimeSpan.FromSeconds(Math.Min(rules.BackoffSeconds, Cap.TotalSeconds));
        Jitter = jitter;
    }

    /// <summary>The longest delay returned (unless a <c>Retry-After</c> asks for more).</summary>
    public TimeSpan Cap { get; }

    /// <summary>The jitter mode.</summary>
    public JitterMode Jitter { get; }

    /// <summary>The exponential ceiling for <paramref name="attempt"/> (1-based): min(cap, base × 2^(attempt−1)).</summary>
    public TimeSpan Ceiling(int attempt)
    {
        var exponent = Math.Clamp(attempt, 1, 64) - 1;
        var seconds = _base.TotalSeconds * Math.Pow(2, exponent);
        return seconds >= Cap.TotalSeconds ? Cap : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// The wait before retrying after failed attempt <paramref name="attempt"/> (1 = the first try failed).
    /// <paramref name="previous"/> is the last delay used (decorrelated jitter grows from it);
    /// <paramref name="retryAfter"/> is a server's requested wait, honoured as a minimum.
    /// </summary>
    public TimeSpan NextDelay(int attempt, TimeSpan? previous = null, TimeSpan? retryAfter = null)
    {
        var delay = Jitter switch
        {
            JitterMode.None => Ceiling(attempt),
            JitterMode.Decorrelated => Decorrelated(previous),
            _ => TimeSpan.FromTicks((long)(Ceiling(attempt).Ticks * Sample())),
        };
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    private TimeSpan Decorrelated(TimeSpan? previous)
    {
        var low = _base.TotalSeconds;
        var high = Math.Max(low, (previous ?? _base).TotalSeconds * 3);
        var seconds = low + ((high - low) * Sample());
        return seconds >= Cap.TotalSeconds ? Cap : TimeSpan.FromSeconds(seconds);
    }

    private double Sample()
    {
        lock (_gate)
            return _random.NextDouble();
    }
}
