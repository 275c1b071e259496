using System.Globalization;
using ErpSync.Core.Configuration;

namespace ErpSync.Core.Retrying;

/// <summary>
/// The dead-letter rule over <see cref="RetryRules.MaxAttempts"/> (attempts in total, the first try included)
/// combined with a <see cref="BackoffScheduler"/>: the queue worker asks it after every failed attempt.
/// </summary>
public sealed class RetryPlanner
{
    private readonly RetryRules _rules;
    private readonly BackoffScheduler _scheduler;
    private readonly TimeProvider _time;

    /// <summary>Creates a planner.</summary>
    public RetryPlanner(RetryRules rules, BackoffScheduler scheduler, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(time);
        _rules = rules;
        _scheduler = scheduler;
        _time = time;
    }

    /// <summary>Attempts in total before dead-lettering (at least 1).</summary>
    public int MaxAttempts => Math.Max(1, _rules.MaxAttempts);

    /// <summary>Whether an item that has made <paramref name="attempts"/> attempts, all failed, is dead.</summary>
    public bool ShouldDeadLetter(int attempts) => attempts >= MaxAttempts;

    /// <summary>
    /// The decision after attempt number <paramref name="attempts"/> failed (<see cref="State.QueueItem.Attempts"/>
    /// counts the failed one). <paramref name="retryAfter"/> is the server's requested wait (429), if any.
    /// </summary>
    public RetryDecision AfterFailure(int attempts, TimeSpan? previousDelay = null, TimeSpan? retryAfter = null)
    {
        if (ShouldDeadLetter(attempts))
            return new RetryDecision(true, null, null, $"attempt {attempts} of {MaxAttempts} failed; dead-lettered");

        var delay = _scheduler.NextDelay(Math.Max(1, attempts), previousDelay, retryAfter);
        var seconds = delay.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return new RetryDecision(false, _time.GetUtcNow() + delay, delay, $"attempt {attempts} of {MaxAttempts} failed; retry in {seconds}s");
    }
}
