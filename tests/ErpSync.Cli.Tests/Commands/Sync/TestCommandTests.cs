using System.Text.Json;
using ErpSync.Cli.Tests.Support;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Cli.Tests.Commands.Sync;

/// <summary><c>erpsync test</c> against two emulated sites on 127.0.0.1.</summary>
public sealed class TestCommandTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    [Fact]
    public async Task Test_BothSitesUp_PrintsUserVersionTimeZoneAndRoundTrip()
    {
        using var folder = new SitesFolder(sites.Pair, ["Customer"]);

        var result = await folder.RunAsync("test");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Out.Split('\n');
        lines[0].ShouldStartWith($"[OK] cloud site {sites.Cloud.BaseUrl.ToString().TrimEnd('/')}: user Administrator, Frappe ");
        lines[0].ShouldContain("time zone Asia/Kolkata, round trip ");
        lines[1].ShouldStartWith($"[OK] local site {sites.Local.BaseUrl.ToString().TrimEnd('/')}: user Administrator, Frappe ");
        lines[1].ShouldContain("time zone Europe/Berlin");
        lines[2].ShouldBe($"[WARN] state database {folder.DatabasePath} does not exist yet; the first 'erpsync sync' (or 'erpsync init') creates it");
        File.Exists(folder.DatabasePath).ShouldBeFalse("test never creates the state database");
    }

    [Fact]
    public async Task Test_WrongSecret_FailsWithTheReasonAndFixAndNoSecret()
    {
        using var folder = new SitesFolder(sites.Pair, ["Customer"]);
        var environment = new Dictionary<string, string> { ["LOCAL_API_SECRET"] = "not-the-right-secret-42" };

        var result = await ErpSyncCli.RunAsync(folder.Folder.Path, environment, "test");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("[OK] cloud site");
        result.Out.ShouldContain($"[FAIL] local site {sites.Local.BaseUrl.ToString().TrimEnd('/')}: local site");
        result.Out.ShouldContain("fix: check LOCAL_API_KEY and LOCAL_API_SECRET");
        result.Error.ShouldStartWith("error: the local site failed the connection test: ");
        (result.Out + result.Error).ShouldNotContain("not-the-right-secret-42");
    }

    [Fact]
    public async Task Test_UnreachableUrl_FailsFastSayingConnectionRefused()
    {
        using var folder = new SitesFolder(sites.Pair, ["Customer"]);
        var environment = new Dictionary<string, string> { ["CLOUD_ERP_URL"] = "http://127.0.0.1:1" };

        var result = await ErpSyncCli.RunAsync(folder.Folder.Path, environment, "test");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("[FAIL] cloud site http://127.0.0.1:1: cloud site (http://127.0.0.1:1): ");
        result.Out.ShouldContain("connection refused by 127.0.0.1:1");
        result.Out.ShouldContain("fix: check that the site runs at the address and port in CLOUD_ERP_URL");
        result.Out.ShouldContain("[OK] local site");
        result.Error.ShouldStartWith("error: the cloud site failed the connection test: ");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Test_Json_HasBothSitesAndTheDatabase()
    {
        using var folder = new SitesFolder(sites.Pair, ["Customer"]);

        var result = await folder.RunAsync("test", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("ok").GetBoolean().ShouldBeTrue();
        var siteList = json.RootElement.GetProperty("sites").EnumerateArray().ToList();
        siteList.Select(s => s.GetProperty("site").GetString()).ShouldBe(["cloud", "local"]);
        siteList.Select(s => s.GetProperty("time_zone").GetString()).ShouldBe(["Asia/Kolkata", "Europe/Berlin"]);
        siteList.ShouldAllBe(s => s.GetProperty("round_trip_ms").GetDouble() >= 0 && s.GetProperty("error").ValueKind == JsonValueKind.Null);
        json.RootElement.GetProperty("database").GetProperty("exists").GetBoolean().ShouldBeFalse();
    }
}
