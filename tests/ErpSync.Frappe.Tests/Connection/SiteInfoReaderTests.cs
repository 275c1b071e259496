using ErpSync.Core.Sites;
using ErpSync.Frappe.Tests.Transcripts;

namespace ErpSync.Frappe.Tests.Connection;

public sealed class SiteInfoReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetSiteInfoAsync_V14Site_ReadsUserVersionAndTimeZone()
    {
        var handler = new ScriptedHandler()
            .Then(TranscriptLibrary.Exchange("26-auth-errors.json", "valid token"))
            .Then(200, """{"message":{"frappe":{"title":"Frappe Framework","version":"14.93.2","branch":"version-14"}}}""")
            .Then(TranscriptLibrary.Exchange("30-system-settings-timezone.json", "frappe.client.get_time_zone (reads the site default)"));
        using var client = TestSites.Client(handler, TestSites.Options(new Uri("http://site1.test/erp")));

        var info = await client.GetSiteInfoAsync(Ct);

        info.User.ShouldBe("Administrator");
        info.FrappeVersion.ShouldBe("14.93.2");
        info.TimeZone.ShouldBe("Asia/Kolkata");
        info.Url.ShouldBe("http://site1.test/erp");
        info.RoundTrip.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
        handler.Requests.Select(r => r.Target).ShouldBe([
            "/erp/api/method/frappe.auth.get_logged_user",
            "/erp/api/method/frappe.utils.change_log.get_versions",
            "/erp/api/method/frappe.client.get_time_zone",
        ]);
    }

    [Fact]
    public async Task GetSiteInfoAsync_VersionAndTimeZoneMethodsMissing_FallsBackGracefully()
    {
        var unknownMethod = TranscriptLibrary.Exchange("27-unknown-doctype-or-doc.json", "unknown method");
        var handler = new ScriptedHandler()
            .Then(200, """{"message":"sync@example.com"}""")
            .Then(unknownMethod)
            .Then(unknownMethod)
            .Then(200, """{"data":{"name":"System Settings","time_zone":"Europe/Berlin"}}""");
        using var client = TestSites.Client(handler);

        var info = await client.GetSiteInfoAsync(Ct);

        info.FrappeVersion.ShouldBeNull();
        info.TimeZone.ShouldBe("Europe/Berlin");
        handler.Requests.Last().Target.ShouldBe("/api/resource/System%20Settings/System%20Settings");
    }

    [Fact]
    public async Task GetSiteInfoAsync_SystemSettingsWithoutZone_UsesFrappesOwnDefault()
    {
        var handler = new ScriptedHandler()
            .Then(200, """{"message":"sync@example.com"}""")
            .Then(404, """{"exc_type":"DoesNotExistError"}""")
            .Then(404, """{"exc_type":"DoesNotExistError"}""")
            .Then(200, """{"data":{"name":"System Settings"}}""");
        using var client = TestSites.Client(handler);

        (await client.GetSiteInfoAsync(Ct)).TimeZone.ShouldBe("Asia/Kolkata");
    }

    [Fact]
    public async Task GetSiteInfoAsync_WrongSecret_ThrowsAuthentication()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(TranscriptLibrary.Exchange("26-auth-errors.json", "wrong secret")));

        var ex = await Should.ThrowAsync<FrappeAuthenticationException>(() => client.GetSiteInfoAsync(Ct));

        ex.Message.ShouldContain("cloud site refused GET frappe.auth.get_logged_user");
        ex.Message.ShouldNotContain(TestSites.Secret);
    }
}
