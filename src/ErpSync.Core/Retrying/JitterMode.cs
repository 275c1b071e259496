namespace ErpSync.Core.Retrying;

/// <summary>How <see cref="BackoffScheduler"/> spreads retries so failed items do not retry in lockstep.</summary>
public enum JitterMode
{
    /// <summary>Exactly base × 2^(n−1), capped (for tests and diagnostics).</summary>
    None,

    /// <summary>Uniform in [0, min(cap, base × 2^(n−1))] ("full jitter").</summary>
    Full,

    /// <summary>Uniform in [base, previous × 3], capped ("decorrelated jitter"); grows without synchronising.</summary>
    Decorrelated,
}
