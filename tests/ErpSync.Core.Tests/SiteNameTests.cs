using ErpSync.Core.Sites;

namespace ErpSync.Core.Tests;

public sealed class SiteNameTests
{
    [Theory]
    [InlineData("cloud", SiteName.Cloud)]
    [InlineData(" LOCAL ", SiteName.Local)]
    public void TryParseWire_KnownWord_ParsesSide(string text, SiteName expected)
    {
        SiteNameExtensions.TryParseWire(text, out var site).ShouldBeTrue();
        site.ShouldBe(expected);
        site.Other().ShouldNotBe(expected);
    }

    [Fact]
    public void TryParseWire_UnknownWord_Refuses() =>
        SiteNameExtensions.TryParseWire("remote", out _).ShouldBeFalse();
}
