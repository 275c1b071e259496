namespace ErpSync.Frappe;

/// <summary>
/// Circuit breaker for one site: when at least <see cref="FailureRatio"/> of the attempts within
/// <see cref="SamplingDuration"/> (and at least <see cref="MinimumThroughput"/> of them) fail with the site
/// unreachable, the circuit opens for <see cref="BreakDuration"/>; then one probe request decides.
/// </summary>
public sealed record FrappeCircuitOptions
{
    /// <summary>Share of failed attempts that opens the circuit (0 &lt; x ≤ 1, default 0.5).</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Attempts needed in the window before the ratio counts (default 5).</summary>
    public int MinimumThroughput { get; init; } = 5;

    /// <summary>Window over which failures are counted (default 30 s).</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a probe is let through (default 30 s).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Problems()
    {
        if (double.IsNaN(FailureRatio) || FailureRatio <= 0 || FailureRatio > 1)
            yield return $"Circuit.FailureRatio must be more than 0 and at most 1, not {FailureRatio}";
        if (MinimumThroughput < 2)
            yield return $"Circuit.MinimumThroughput must be at least 2, not {MinimumThroughput}";
        if (SamplingDuration < TimeSpan.FromMilliseconds(500))
            yield return $"Circuit.SamplingDuration must be at least 0.5 s, not {SamplingDuration}";
        if (BreakDuration < TimeSpan.FromMilliseconds(500))
            yield return $"Circuit.BreakDuration must be at least 0.5 s, not {BreakDuration}";
    }
}
