namespace ErpSync.Emulator;

/// <summary>Answer a share of API requests with 429 TooManyRequestsError and a <c>Retry-After</c> header.</summary>
/// <param name="Rate">Share of requests rejected, 0..1 (1 = every request).</param>
/// <param name="RetryAfter">Value of <c>Retry-After</c> (whole seconds, at least 1).</param>
public sealed record RateLimitFault(double Rate, TimeSpan RetryAfter);
