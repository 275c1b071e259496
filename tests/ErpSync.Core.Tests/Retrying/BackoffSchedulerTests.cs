using ErpSync.Core.Configuration;
using ErpSync.Core.Retrying;

namespace ErpSync.Core.Tests.Retrying;

public sealed class BackoffSchedulerTests
{
    private static readonly RetryRules TwoSeconds = new() { BackoffSeconds = 2, MaxAttempts = 5 };

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    [InlineData(10, 300)]
    [InlineData(1000, 300)]
    public void NextDelay_WithoutJitter_DoublesUpToTheCap(int attempt, double seconds)
    {
        var scheduler = new BackoffScheduler(TwoSeconds, new Random(1), jitter: JitterMode.None);

        scheduler.NextDelay(attempt).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void NextDelay_FullJitter_StaysWithinZeroAndTheCeiling()
    {
        var scheduler = new BackoffScheduler(TwoSeconds, new Random(2), TimeSpan.FromSeconds(60));
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            for (var sample = 0; sample < 200; sample++)
            {
                var delay = scheduler.NextDelay(attempt);
                delay.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
                delay.ShouldBeLessThanOrEqualTo(scheduler.Ceiling(attempt));
            }
        }
    }

    [Fact]
    public void NextDelay_FullJitter_ActuallySpreadsDelays()
    {
        var scheduler = new BackoffScheduler(TwoSeconds, new Random(3));

        var delays = Enumerable.Range(0, 50).Select(_ => scheduler.NextDelay(4)).Distinct().Count();

        delays.ShouldBeGreaterThan(40);
    }

    [Fact]
    public void NextDelay_SameSeed_IsReproducible()
    {
        var a = new BackoffScheduler(TwoSeconds, new Random(4));
        var b = new BackoffScheduler(TwoSeconds, new Random(4));

        Enumerable.Range(1, 8).Select(n => a.NextDelay(n)).ShouldBe(Enumerable.Range(1, 8).Select(n => b.NextDelay(n)));
    }

    [Fact]
    public void NextDelay_Decorrelated_GrowsFromThePreviousDelayWithinBounds()
    {
        var scheduler = new BackoffScheduler(TwoSeconds, new Random(5), TimeSpan.FromSeconds(30), JitterMode.Decorrelated);
        TimeSpan? previous = null;
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            var delay = scheduler.NextDelay(attempt, previous);
            delay.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
            delay.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(Math.Min(30, 3 * (previous ?? TimeSpan.FromSeconds(2)).TotalSeconds)) + TimeSpan.FromTicks(1));
            previous = delay;
        }
    }

    [Fact]
    public void NextDelay_RetryAfterLongerThanBackoff_IsHonoured()
    {
        var scheduler = new BackoffScheduler(TwoSeconds, new Random(6), jitter: JitterMode.None);

        scheduler.NextDelay(1, retryAfter: TimeSpan.FromSeconds(30)).ShouldBe(TimeSpan.FromSeconds(30));
        scheduler.NextDelay(3, retryAfter: TimeSpan.FromSeconds(1)).ShouldBe(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void Constructor_NegativeBackoff_IsRefusedWithTheConfigKey()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new BackoffScheduler(new RetryRules { BackoffSeconds = -1 }, new Random(7)));

        error.Message.ShouldContain("sync_rules.retry.backoff_seconds");
    }

    [Fact]
    public void NextDelay_ZeroBackoff_RetriesImmediately() =>
        new BackoffScheduler(new RetryRules { BackoffSeconds = 0 }, new Random(8)).NextDelay(5).ShouldBe(TimeSpan.Zero);
}
