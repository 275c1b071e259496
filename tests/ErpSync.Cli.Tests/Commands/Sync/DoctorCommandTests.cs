using System.Text.Json;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Frappe;
using ErpSync.Frappe.Webhooks;
using ErpSync.Store.Presence;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Cli.Tests.Commands.Sync;

/// <summary><c>erpsync doctor</c> against two emulated sites: every check of DESIGN §1, with its verdict and fix.</summary>
public sealed class DoctorCommandTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static readonly string[] NoteFields = ["title:Data", "qty:Int"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, JsonElement> Checks(JsonDocument json) =>
        json.RootElement.GetProperty("checks").EnumerateArray()
            .GroupBy(c => c.GetProperty("name").GetString()!)
            .ToDictionary(g => g.Key, g => g.Last());

    private static string Status(Dictionary<string, JsonElement> checks, string name) => checks[name].GetProperty("status").GetString()!;

    private static string Message(Dictionary<string, JsonElement> checks, string name) => checks[name].GetProperty("message").GetString()!;

    private async Task RegisterWebhooksAsync(string docType, bool signed, params string[] events)
    {
        foreach (var (site, emulated) in new[] { (SiteName.Cloud, sites.Cloud), (SiteName.Local, sites.Local) })
        {
            using var client = FrappeSiteClient.Create(new FrappeSiteOptions
            {
                Site = site, BaseUrl = emulated.BaseUrl, ApiKey = emulated.ApiKey, ApiSecret = emulated.ApiSecret,
                Retry = new RetryRules { MaxAttempts = 1, BackoffSeconds = 0 },
            });
            foreach (var docEvent in events.Length > 0 ? events : ["after_insert", "on_change", "on_trash"])
            {
                await client.CreateWebhookAsync(new WebhookDefinition
                {
                    DocType = docType,
                    DocEvent = docEvent,
                    RequestUrl = new Uri($"http://127.0.0.1:1/webhook/{site.ToWire()}"),
                    EnableSecurity = signed,
                    Secret = signed ? ConfigFiles.WebhookSecret : null,
                }, Ct);
            }
        }
    }

    [Fact]
    public async Task Doctor_HealthySitesWithWebhooks_PassesEveryCheck()
    {
        var type = SitesFolder.DefineDocType(sites.Pair, "Cli Doc", NoteFields);
        await RegisterWebhooksAsync(type, signed: true);
        using var folder = new SitesFolder(sites.Pair, [type, "Customer"], "  conflict_resolution: latest_timestamp\n  doctype_rules:\n    Customer:\n      naming: mapped\n");
        await RegisterWebhooksAsync("Customer", signed: true);

        var result = await folder.RunAsync("doctor", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("ok").GetBoolean().ShouldBeTrue(result.Out);
        var checks = Checks(json);
        foreach (var name in new[] { "configuration", "log_file", "cloud_site", "local_site", "clock_skew", "time_zones", "doctypes", "schema_drift", "naming_series", "webhooks" })
            Status(checks, name).ShouldBe("ok", $"{name}: {Message(checks, name)}");
        Status(checks, "database").ShouldBe("warn", "no state database yet");
        Status(checks, "server").ShouldBe("warn", "no server runs");
        Message(checks, "cloud_site").ShouldContain("user Administrator");
        Message(checks, "time_zones").ShouldBe("cloud Asia/Kolkata (UTC+05:30), local Europe/Berlin (UTC+01:00); modified times are converted to UTC before they are compared");
        Message(checks, "doctypes").ShouldBe($"2 DocType(s) exist on both sites: {type}, Customer");
        Message(checks, "webhooks").ShouldBe("4 DocType webhook set(s) on 2 site(s) cover every needed event");
        Message(checks, "server").ShouldContain("no server is running (nothing answers on http://127.0.0.1:1/health)");
        checks["server"].GetProperty("fix").GetString()!.ShouldContain("erpsync serve");

        (await folder.RunAsync("sync")).ExitCode.ShouldBe(0);
        await using (var db = await folder.OpenAsync())
            await db.Servers.BeatAsync(new ServerInstance("srv-1", "erp-01", 4242, "1.0", DateTimeOffset.UtcNow), TimeSpan.FromMinutes(5), Ct);

        var later = await folder.RunAsync("doctor", "--json");

        using var laterJson = JsonDocument.Parse(later.Out);
        var laterChecks = Checks(laterJson);
        Status(laterChecks, "database").ShouldBe("ok");
        Message(laterChecks, "database").ShouldStartWith($"SQLite {folder.DatabasePath} opens, schema v");
        Status(laterChecks, "server").ShouldBe("ok");
        Message(laterChecks, "server").ShouldStartWith("running: ");
        Message(laterChecks, "server").ShouldContain("erp-01");
    }

    [Fact]
    public async Task Doctor_NoWebhooksAndUnsignedOnes_FailsWithTheSetupWebhookFix()
    {
        var missing = SitesFolder.DefineDocType(sites.Pair, "Cli Doc", NoteFields);
        using var folder = new SitesFolder(sites.Pair, [missing]);

        var result = await folder.RunAsync("doctor");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain($"[FAIL] webhook registration: no enabled webhook to {{url}}/webhook/<site> for cloud {missing}: after_insert, on_change, on_trash; local {missing}: after_insert, on_change, on_trash");
        result.Out.ShouldContain("fix: run 'erpsync setup-webhook' to see the settings, or 'erpsync setup-webhook --apply'");
        result.Error.ShouldBe("error: 1 check(s) failed; see the fixes above\n");

        var unsigned = SitesFolder.DefineDocType(sites.Pair, "Cli Doc", NoteFields);
        await RegisterWebhooksAsync(unsigned, signed: false);
        using var second = new SitesFolder(sites.Pair, [unsigned]);

        var again = await second.RunAsync("doctor");

        again.Out.ShouldContain($"[FAIL] webhook registration: webhooks without a signing secret (Enable Security) for cloud {unsigned}, local {unsigned}");
    }

    [Fact]
    public async Task Doctor_HandMadeOnUpdateWebhooksOnAPlainDocType_CoverInsertsAndSaves()
    {
        var type = SitesFolder.DefineDocType(sites.Pair, "Cli Doc", NoteFields);
        await RegisterWebhooksAsync(type, true, "on_update", "on_trash");
        using var folder = new SitesFolder(sites.Pair, [type]);

        var result = await folder.RunAsync("doctor", "--json");

        using var json = JsonDocument.Parse(result.Out);
        Status(Checks(json), "webhooks").ShouldBe("ok", result.Out);
    }

    [Fact]
    public async Task Doctor_SchemaDriftAndMissingDocType_AreReported()
    {
        var drifting = SitesFolder.DefineDocType(sites.Pair, "Cli Doc", NoteFields, localOnly: ["region:Data"]);
        await RegisterWebhooksAsync(drifting, signed: true);
        using var folder = new SitesFolder(sites.Pair, [drifting]);

        var result = await folder.RunAsync("doctor", "--json");

        using var json = JsonDocument.Parse(result.Out);
        var checks = Checks(json);
        Status(checks, "schema_drift").ShouldBe("warn");
        Message(checks, "schema_drift").ShouldBe($"{drifting}: only on local: region (only the shared fields are synced)");
        result.ExitCode.ShouldBe(0, result.ToString());

        using var broken = new SitesFolder(sites.Pair, ["No Such DocType"]);
        var missing = await broken.RunAsync("doctor", "--json");
        using var missingJson = JsonDocument.Parse(missing.Out);
        var missingChecks = Checks(missingJson);
        missing.ExitCode.ShouldBe(1);
        Status(missingChecks, "doctypes").ShouldBe("fail");
        Message(missingChecks, "doctypes").ShouldBe("No Such DocType does not exist on the cloud site; No Such DocType does not exist on the local site");
        Status(missingChecks, "schema_drift").ShouldBe("fail");
    }

    [Fact]
    public async Task Doctor_SameNamingOnOverlappingSeries_Fails()
    {
        var type = SitesFolder.DefineDocType(sites.Pair, "Cli Series", ["naming_series:Select:NOTE-.#####", "title:Data"], autoname: "naming_series:");
        using var folder = new SitesFolder(sites.Pair, [type], $"  doctype_rules:\n    \"{type}\":\n      naming: same\n");

        var result = await folder.RunAsync("doctor", "--json");

        using var json = JsonDocument.Parse(result.Out);
        var checks = Checks(json);
        Status(checks, "naming_series").ShouldBe("fail", result.Out);
        Message(checks, "naming_series").ShouldBe($"{type} has naming: same but both sites number from the series NOTE-.#####, so different documents get the same name");
        checks["naming_series"].GetProperty("fix").GetString()!.ShouldContain("naming: mapped");
    }

    [Fact]
    public async Task Doctor_UnreachableSite_FailsItAndSkipsWhatNeedsBoth()
    {
        using var folder = new SitesFolder(sites.Pair, ["Customer"], extraEnv: null);
        var environment = new Dictionary<string, string> { ["LOCAL_ERP_URL"] = "http://127.0.0.1:1" };

        var result = await ErpSyncCli.RunAsync(folder.Folder.Path, environment, "doctor");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("[OK] cloud site: ");
        result.Out.ShouldContain("[FAIL] local site: http://127.0.0.1:1: local site (http://127.0.0.1:1): ");
        result.Out.ShouldContain("fix: check that the site runs at the address and port in LOCAL_ERP_URL");
        result.Out.ShouldContain("[SKIP] synced DocTypes: skipped: both sites must be reachable");
        result.Out.ShouldContain("[OK] time zones: cloud Asia/Kolkata (UTC+05:30)");
    }
}
