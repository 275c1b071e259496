using ErpSync.Core.Configuration;
using ErpSync.Core.Retrying;
using ErpSync.TestKit.Time;

namespace ErpSync.Core.Tests.Retrying;

public sealed class RetryPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static RetryPlanner Planner(int maxAttempts = 5)
    {
        var rules = new RetryRules { MaxAttempts = maxAttempts, BackoffSeconds = 2 };
        return new RetryPlanner(rules, new BackoffScheduler(rules, new Random(9), jitter: JitterMode.None), new FakeTimeProvider(Now));
    }

    [Fact]
    public void AfterFailure_BeforeTheLimit_SchedulesARetryFromTheClock()
    {
        var decision = Planner().AfterFailure(2);

        decision.DeadLetter.ShouldBeFalse();
        decision.Delay.ShouldBe(TimeSpan.FromSeconds(4));
        decision.RetryAt.ShouldBe(Now.AddSeconds(4));
        decision.Reason.ShouldBe("attempt 2 of 5 failed; retry in 4.0s");
    }

    [Fact]
    public void AfterFailure_AtTheLimit_DeadLetters()
    {
        var decision = Planner().AfterFailure(5);

        decision.DeadLetter.ShouldBeTrue();
        decision.RetryAt.ShouldBeNull();
        decision.Reason.ShouldBe("attempt 5 of 5 failed; dead-lettered");
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(3, 2, false)]
    [InlineData(3, 3, true)]
    [InlineData(0, 1, true)]
    public void ShouldDeadLetter_CountsTheFirstTry(int maxAttempts, int attempts, bool dead) =>
        Planner(maxAttempts).ShouldDeadLetter(attempts).ShouldBe(dead);

    [Fact]
    public void AfterFailure_RateLimited_WaitsAtLeastRetryAfter() =>
        Planner().AfterFailure(1, retryAfter: TimeSpan.FromMinutes(1)).Delay.ShouldBe(TimeSpan.FromMinutes(1));
}
