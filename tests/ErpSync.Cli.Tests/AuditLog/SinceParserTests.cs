using ErpSync.Cli.AuditLog;

namespace ErpSync.Cli.Tests.AuditLog;

public sealed class SinceParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("30m", 0, 30)]
    [InlineData("12h", 12 * 60, 0)]
    [InlineData("7d", 7 * 24 * 60, 0)]
    [InlineData("2w", 14 * 24 * 60, 0)]
    [InlineData(" 90 min ", 90, 0)]
    [InlineData("1D", 24 * 60, 0)]
    public void TryParse_Age_CountsBackFromNow(string text, int minutes, int extraMinutes)
    {
        SinceParser.TryParse(text, Now, Berlin, out var since).ShouldBeTrue();
        since.ShouldBe(Now - TimeSpan.FromMinutes(minutes + extraMinutes));
    }

    [Theory]
    [InlineData("2026-11-01", "2026-10-31T23:00:00Z")]
    [InlineData("2026-07-01T08:00", "2026-07-01T06:00:00Z")]
    [InlineData("2026-11-01 08:00:30", "2026-11-01T07:00:30Z")]
    [InlineData("2026-11-01T08:00Z", "2026-11-01T08:00:00Z")]
    [InlineData("2026-11-01T08:00:00+05:30", "2026-11-01T02:30:00Z")]
    public void TryParse_IsoDate_IsLocalUnlessItCarriesAnOffset(string text, string expected)
    {
        SinceParser.TryParse(text, Now, Berlin, out var since).ShouldBeTrue();
        since.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("7x")]
    [InlineData("-7d")]
    [InlineData("2026-13-01")]
    [InlineData("01/11/2026")]
    public void TryParse_Anything_Else_IsRefused(string text) =>
        SinceParser.TryParse(text, Now, Berlin, out _).ShouldBeFalse();
}
