using ErpSync.Core.Conflicts;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Tests.Conflicts;

public sealed class SiteTimestampTests
{
    private static readonly TimeZoneInfo Kolkata = SiteTimestamp.FindZone("Asia/Kolkata");
    private static readonly TimeZoneInfo Berlin = SiteTimestamp.FindZone("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = SiteTimestamp.FindZone("America/New_York");

    [Theory]
    [InlineData("2026-11-22 04:29:17.859513", "2026-11-21T22:59:17.8595130+00:00")]
    [InlineData("2026-11-22 04:29:17", "2026-11-21T22:59:17.0000000+00:00")]
    public void TryToUtc_KolkataModified_IsFiveAndAHalfHoursAhead(string modified, string expected)
    {
        SiteTimestamp.TryToUtc(modified, Kolkata, out var utc).ShouldBeTrue();
        utc.ToString("O").ShouldBe(expected);
    }

    [Fact]
    public void Later_StringOrderDisagreesWithInstants_UsesInstants()
    {
        // As strings the cloud stamp is later; as instants local (Berlin, UTC+1) is 4h30 later than cloud (Kolkata).
        var later = SiteTimestamp.Later("2026-11-22 09:00:00.000000", Kolkata, "2026-11-22 05:00:00", Berlin, out var error);

        error.ShouldBeNull();
        later.ShouldBe(SiteName.Local);
    }

    [Fact]
    public void Later_EqualInstants_GoToCloud()
    {
        var later = SiteTimestamp.Later("2026-11-22 10:30:00", Kolkata, "2026-11-22 06:00:00.000000", Berlin, out _);

        later.ShouldBe(SiteName.Cloud);
    }

    [Fact]
    public void Later_MicrosecondsDecide()
    {
        SiteTimestamp.Later("2026-11-22 04:29:17.000001", Kolkata, "2026-11-22 04:29:17.000002", Kolkata, out _).ShouldBe(SiteName.Local);
    }

    [Fact]
    public void Later_UnreadableTimestamp_SaysWhichAndDecidesNothing()
    {
        SiteTimestamp.Later("yesterday", Kolkata, "2026-11-22 04:29:17", Kolkata, out var error).ShouldBeNull();
        error.ShouldBe("cloud timestamp 'yesterday' is not a date-time");
    }

    [Fact]
    public void TryToUtc_RepeatedHourAtDstEnd_IsTheFirstOccurrence()
    {
        SiteTimestamp.TryToUtc("2026-11-01 01:30:00", NewYork, out var utc).ShouldBeTrue();
        utc.ShouldBe(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void TryToUtc_SkippedHourAtDstStart_MovesForward()
    {
        SiteTimestamp.TryToUtc("2026-03-08 02:30:00", NewYork, out var utc).ShouldBeTrue();
        utc.ShouldBe(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void FindZone_Unknown_ExplainsTheFix()
    {
        var error = Should.Throw<ArgumentException>(() => SiteTimestamp.FindZone("Mars/Olympus"));
        error.Message.ShouldContain("System Settings");
    }
}
