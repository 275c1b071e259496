namespace ErpSync.Core.Retrying;

/// <summary>What to do with an item whose attempt failed.</summary>
/// <param name="DeadLetter">Retries are exhausted: dead-letter it (only <c>erpsync retry</c> brings it back).</param>
/// <param name="RetryAt">When to try again (UTC); <c>null</c> when dead-lettered.</param>
/// <param name="Delay">The wait chosen; <c>null</c> when dead-lettered.</param>
/// <param name="Reason">One line for logs, e.g. <c>attempt 2 of 5 failed; retry in 3.1s</c>.</param>
public sealed record RetryDecision(bool DeadLetter, DateTimeOffset? RetryAt, TimeSpan? Delay, string Reason);
