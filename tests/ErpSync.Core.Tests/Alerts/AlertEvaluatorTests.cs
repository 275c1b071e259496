using ErpSync.Core.Alerts;
using ErpSync.Core.State;

namespace ErpSync.Core.Tests.Alerts;

public sealed class AlertEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    private static readonly AlertThresholds Thresholds = new()
    {
        Errors = 10,
        DeadLetters = 1,
        UnresolvedConflicts = 2,
        QueueAge = TimeSpan.FromMinutes(5),
        SiteUnreachable = TimeSpan.FromMinutes(2),
    };

    [Fact]
    public void Evaluate_FiguresBelowEveryThreshold_ReturnsNoAlert()
    {
        var figures = new AlertFigures
        {
            ErrorRecords = 9,
            DeadLetters = 0,
            UnresolvedConflicts = 1,
            OldestPendingCreatedAt = Now - TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1),
            UnreachableSince = new Dictionary<string, DateTimeOffset> { ["cloud"] = Now - TimeSpan.FromSeconds(119) },
        };

        AlertEvaluator.Evaluate(figures, Thresholds, Now).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_EveryFigureAtItsThreshold_ReturnsOneAlertPerKindInOrder()
    {
        var figures = new AlertFigures
        {
            ErrorRecords = 10,
            DeadLetters = 1,
            UnresolvedConflicts = 2,
            OldestPendingCreatedAt = Now - TimeSpan.FromMinutes(5),
            UnreachableSince = new Dictionary<string, DateTimeOffset>
            {
                ["local"] = Now - TimeSpan.FromMinutes(3),
                ["cloud"] = Now - TimeSpan.FromMinutes(2),
            },
        };

        var alerts = AlertEvaluator.Evaluate(figures, Thresholds, Now);

        alerts.Select(a => a.Key).ShouldBe(["errors", "dead_letters", "unresolved_conflicts", "queue_age", "site_unreachable:cloud", "site_unreachable:local"]);
        alerts[0].Value.ShouldBe(10);
        alerts[0].Threshold.ShouldBe(10);
        alerts[3].Value.ShouldBe(300);
        alerts[5].Value.ShouldBe(180);
        alerts[5].Message.ShouldContain("local site has been unreachable for 3 min");
    }

    [Fact]
    public void Evaluate_ZeroThresholds_TurnTheirAlertsOff()
    {
        var off = new AlertThresholds { Errors = 0, DeadLetters = 0, UnresolvedConflicts = 0, QueueAge = TimeSpan.Zero, SiteUnreachable = TimeSpan.Zero };
        var figures = new AlertFigures
        {
            ErrorRecords = 1000,
            DeadLetters = 1000,
            UnresolvedConflicts = 1000,
            OldestPendingCreatedAt = Now - TimeSpan.FromDays(3),
            UnreachableSince = new Dictionary<string, DateTimeOffset> { ["cloud"] = Now - TimeSpan.FromDays(1) },
        };

        AlertEvaluator.Evaluate(figures, off, Now).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_DeadLetter_MessageSaysWhatToDo()
    {
        var alert = AlertEvaluator.Evaluate(new AlertFigures { DeadLetters = 3 }, Thresholds, Now).ShouldHaveSingleItem();

        alert.Kind.ShouldBe(AlertKind.DeadLetters);
        alert.Subject.ShouldBeNull();
        alert.Message.ShouldStartWith("3 dead-lettered queue item(s)");
        alert.Message.ShouldContain("erpsync retry --all");
    }

    [Fact]
    public void From_StoreStatus_CountsErrorAndFailedPairsAndQueueFigures()
    {
        var oldest = Now - TimeSpan.FromMinutes(1);
        var status = new StoreStatus
        {
            RecordsByStatus = new Dictionary<SyncStatus, long> { [SyncStatus.Error] = 4, [SyncStatus.Failed] = 3, [SyncStatus.Synced] = 50, [SyncStatus.Conflict] = 2 },
            UnresolvedConflicts = 2,
            Queue = new QueueStats { Dead = 5, Pending = 7, OldestPendingCreatedAt = oldest },
        };

        var figures = AlertFigures.From(status);

        figures.ErrorRecords.ShouldBe(7);
        figures.DeadLetters.ShouldBe(5);
        figures.UnresolvedConflicts.ShouldBe(2);
        figures.OldestPendingCreatedAt.ShouldBe(oldest);
        figures.UnreachableSince.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(59, "59 s")]
    [InlineData(60, "1 min")]
    [InlineData(3600, "1 h")]
    [InlineData(3900, "1 h 5 min")]
    [InlineData(86400 + 7200, "1 d 2 h")]
    public void Duration_Seconds_ReadsNaturally(int seconds, string expected) =>
        AlertEvaluator.Duration(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
