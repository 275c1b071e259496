using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Tests.Configuration;

public sealed class ReconcileScheduleTests
{
    private static readonly DateTimeOffset Monday1030Utc = new(2025, 3, 3, 10, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("daily 02:00", "2025-03-04T02:00:00+00:00")]
    [InlineData("DAILY 11:15", "2025-03-03T11:15:00+00:00")]
    [InlineData("hourly", "2025-03-03T11:00:00+00:00")]
    [InlineData("weekly sun 03:30", "2025-03-09T03:30:00+00:00")]
    [InlineData("weekly Monday 10:30", "2025-03-10T10:30:00+00:00")]
    [InlineData("*/20 * * * *", "2025-03-03T10:40:00+00:00")]
    [InlineData("0 2 1 * *", "2025-04-01T02:00:00+00:00")]
    [InlineData("0 9-17/4 * * 1-5", "2025-03-03T13:00:00+00:00")]
    [InlineData("0 0 * * 7", "2025-03-09T00:00:00+00:00")]
    [InlineData("0 0 13 * 5", "2025-03-07T00:00:00+00:00")]
    [InlineData("every 6 hours", "2025-03-03T16:30:00+00:00")]
    [InlineData("every 45m", "2025-03-03T11:15:00+00:00")]
    public void Next_AfterAMondayMorning_IsTheNextDueTime(string text, string expected)
    {
        var schedule = ReconcileSchedule.Parse(text);

        schedule.Enabled.ShouldBeTrue();
        schedule.Next(Monday1030Utc, TimeZoneInfo.Utc).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Next_InAnotherZone_UsesItsWallClock()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+7", TimeSpan.FromHours(7), "UTC+7", "UTC+7");

        var next = ReconcileSchedule.Parse("daily 02:00").Next(Monday1030Utc, zone);

        next.ShouldBe(new DateTimeOffset(2025, 3, 4, 2, 0, 0, TimeSpan.FromHours(7)));
    }

    [Theory]
    [InlineData("off")]
    [InlineData("never")]
    public void Parse_Off_IsDisabled(string text)
    {
        var schedule = ReconcileSchedule.Parse(text);

        schedule.Enabled.ShouldBeFalse();
        schedule.Next(Monday1030Utc, TimeZoneInfo.Utc).ShouldBeNull();
    }

    [Theory]
    [InlineData("daily 2am", "'2am' is not a time of day")]
    [InlineData("weekly funday 02:00", "'funday' is not a day of the week")]
    [InlineData("every 2 minutes", "more often than every 5 minutes")]
    [InlineData("every 3 weeks", "'weeks' is not a unit")]
    [InlineData("61 * * * *", "the minute field allows 0-59")]
    [InlineData("* * *", "not a schedule")]
    [InlineData("sometimes", "not a schedule")]
    public void Parse_Nonsense_SaysWhatIsWrong(string text, string problem)
    {
        ReconcileSchedule.TryParse(text, out var schedule, out var error).ShouldBeFalse();

        schedule.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(problem);
    }
}
