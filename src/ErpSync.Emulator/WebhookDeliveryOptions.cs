namespace ErpSync.Emulator;

/// <summary>
/// Timings of webhook delivery. Frappe v14 runs each delivery as a background job on one RQ worker:
/// a job starts ~0.8 s after the previous one, tries up to 3 times and sleeps 1 s, 4 s and 7 s after
/// failed attempts. The defaults here are fast for tests; <see cref="FrappeLike"/> has the real timings.
/// </summary>
public sealed record WebhookDeliveryOptions
{
    /// <summary>Frappe's timings as measured in the transcripts.</summary>
    public static WebhookDeliveryOptions FrappeLike { get; } = new()
    {
        JobStartDelay = TimeSpan.FromMilliseconds(800),
        RetryWaits = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(7)],
        AttemptTimeout = null,
    };

    /// <summary>Wait before each job starts (the worker's per-job overhead). Default 0.</summary>
    public TimeSpan JobStartDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Sleep after failed attempt 1, 2, 3 (Frappe: <c>sleep(3 * i + 1)</c>). Default 20/80/140 ms.</summary>
    public IReadOnlyList<TimeSpan> RetryWaits { get; init; } =
        [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(140)];

    /// <summary>Attempts per delivery. Frappe: 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Per-attempt HTTP timeout; null uses each Webhook's <c>timeout</c> field (Frappe). Default 5 s.</summary>
    public TimeSpan? AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Clock for the waits above (the site's document clock is separate).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal TimeSpan WaitAfter(int attempt) =>
        RetryWaits.Count == 0 ? TimeSpan.Zero : RetryWaits[Math.Min(attempt, RetryWaits.Count - 1)];

    internal void Validate()
    {
        if (MaxAttempts < 1)
            throw new ArgumentException("WebhookDelivery.MaxAttempts must be at least 1.", nameof(MaxAttempts));
        if (JobStartDelay < TimeSpan.Zero || RetryWaits.Any(w => w < TimeSpan.Zero))
            throw new ArgumentException("WebhookDelivery waits must not be negative.", nameof(RetryWaits));
    }
}
