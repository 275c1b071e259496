using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ErpSync.Cli.Tests.Support;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Cli.Tests.Commands.Server;

/// <summary>
/// setup-webhook against one emulated site pair. Each test works on DocTypes of its own, so the Webhooks one
/// test installs never change what another sees.
/// </summary>
public sealed partial class SetupWebhookCommandTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    [Fact]
    public async Task SetupWebhook_WithoutApply_PrintsExactSettingsPerSiteAndDocTypeAndChangesNothing()
    {
        using var folder = SitePairFolder.Create(sites.Pair, ["Supplier", "Purchase Order"]);
        var before = (sites.Cloud.Backdoor.Count("Webhook"), sites.Local.Backdoor.Count("Webhook"));

        var result = await ErpSyncCli.RunAsync(folder.Path, "setup-webhook", "--url", "https://sync.example.com");

        result.ExitCode.ShouldBe(0, result.ToString());
        var output = result.Out;
        output.ShouldContain("Request URL:        https://sync.example.com/webhook/cloud");
        output.ShouldContain("Request URL:        https://sync.example.com/webhook/local");
        output.ShouldContain("Request Structure:  JSON");
        output.ShouldContain("Content-Type: application/json");
        output.ShouldContain("Enable Security:    on");
        Regex.IsMatch(output, @"Supplier\s+after_insert, on_change, on_trash").ShouldBeTrue(output);
        Regex.IsMatch(output, @"Purchase Order\s+after_insert, on_change, on_trash").ShouldBeTrue(output);
        output.ShouldContain("\"doctype\": {{ doc.doctype | json }}, \"name\": {{ doc.name | json }}, \"action\": \"on_change\"");
        output.ShouldContain("--apply");
        output.ShouldNotContain(SitePairFolder.WebhookSecret);
        (sites.Cloud.Backdoor.Count("Webhook"), sites.Local.Backdoor.Count("Webhook")).ShouldBe(before);
    }

    [Fact]
    public async Task SetupWebhook_ApplyTwice_CreatesOnceThenSaysNothingChanged()
    {
        using var folder = SitePairFolder.Create(sites.Pair, ["Item", "Sales Invoice"]);

        var first = await ErpSyncCli.RunAsync(folder.Path, "setup-webhook", "--apply", "--url", "http://127.0.0.1:5999");
        var afterFirst = Webhooks("Item", "Sales Invoice");
        var second = await ErpSyncCli.RunAsync(folder.Path, "setup-webhook", "--apply", "--url", "http://127.0.0.1:5999");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Out.ShouldContain("Webhooks: 12 created, 0 updated, 0 unchanged.");
        first.Out.ShouldContain("cloud Sales Invoice on_change: created HOOK-");
        afterFirst.Count.ShouldBe(12);
        afterFirst.ShouldAllBe(w => w["enable_security"]!.GetValue<int>() == 1 && w["request_structure"]!.GetValue<string>() == "JSON");
        afterFirst.Count(w => w["request_url"]!.GetValue<string>() == "http://127.0.0.1:5999/webhook/local").ShouldBe(6);
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Out.ShouldContain("Nothing to change: both sites already have all 12 Webhooks set up.");
        Webhooks("Item", "Sales Invoice").Select(w => (w["name"]!.ToString(), w["modified"]!.ToString()))
            .ShouldBe(afterFirst.Select(w => (w["name"]!.ToString(), w["modified"]!.ToString())));

        // What setup-webhook installs is exactly what doctor asks for, submittable DocTypes included.
        var doctor = await ErpSyncCli.RunAsync(folder.Path, "doctor", "--json");
        var webhooks = JsonNode.Parse(doctor.Out)!["checks"]!.AsArray().Last(c => c!["name"]!.GetValue<string>() == "webhooks")!;
        webhooks["status"]!.GetValue<string>().ShouldBe("ok", doctor.ToString());
    }

    [Fact]
    public async Task SetupWebhook_ApplyWithNewUrlOrEditedWebhook_UpdatesInPlaceWithoutDuplicates()
    {
        using var folder = SitePairFolder.Create(sites.Pair, ["Quotation"]);
        (await ErpSyncCli.RunAsync(folder.Path, "setup-webhook", "--apply", "--url", "http://10.0.0.5:5000")).ExitCode.ShouldBe(0);
        var edited = Webhooks("Quotation").First(w => w["webhook_docevent"]!.GetValue<string>() == "on_trash");
        sites.Cloud.Backdoor.Update("Webhook", edited["name"]!.GetValue<string>(), new JsonObject { ["enabled"] = 0 });

        var result = await ErpSyncCli.RunAsync(folder.Path, "setup-webhook", "--apply", "--url", "http://10.0.0.9:5000");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Webhooks: 0 created, 6 updated, 0 unchanged.");
        result.Out.ShouldContain($"cloud Quotation on_trash: updated {edited["name"]} (enabled, request_url (was http://10.0.0.5:5000/webhook/cloud))");
        var after = Webhooks("Quotation");
        after.Count.ShouldBe(6);
        after.ShouldAllBe(w => w["request_url"]!.GetValue<string>().StartsWith("http://10.0.0.9:5000/webhook/", StringComparison.Ordinal) && w["enabled"]!.GetValue<int>() == 1);
    }

    [Fact]
    public async Task SetupWebhook_Applied_WebhooksReallyDeliverToRunningServer()
    {
        using var folder = SitePairFolder.Create(sites.Pair, ["Customer"]);
        var (serve, ready) = await RunningCli.StartAsync(folder.Path, " listening on ", "serve", "--port", "0");
        await using var _ = serve;
        var port = ListeningPort().Match(ready).Groups[1].Value;

        var apply = await ErpSyncCli.RunAsync(folder.Path, "setup-webhook", "--apply", "--url", $"http://127.0.0.1:{port}");
        var name = sites.Local.Backdoor.Insert("Customer", new JsonObject
        {
            ["customer_name"] = "Webhook Delivery Check",
            ["customer_group"] = "Commercial",
            ["territory"] = "India",
        })["name"]!.GetValue<string>();
        await ServeCommandTests.WaitUntilAsync(
            () => sites.Cloud.Backdoor.Query("Customer", "[\"name\"]", "[[\"customer_name\", \"=\", \"Webhook Delivery Check\"]]").Count == 1,
            "the local customer to reach the cloud by webhook");

        apply.ExitCode.ShouldBe(0, apply.ToString());
        sites.Local.Backdoor.WebhookDeliveries.ShouldContain(d => d.Url.Contains($":{port}/webhook/local", StringComparison.Ordinal) && d.Succeeded);
        name.ShouldBe("Webhook Delivery Check");
        (await serve.StopAsync()).ShouldBe(0, serve.ToString());
    }

    [Fact]
    public async Task SetupWebhook_ApplyWithWildcardHostAndNoUrl_IsAUsageErrorNamingTheFix()
    {
        using var folder = SitePairFolder.Create(sites.Pair, ["Customer"], host: "0.0.0.0");

        var result = await ErpSyncCli.RunAsync(folder.Path, "setup-webhook", "--apply");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("WEBHOOK_HOST is 0.0.0.0");
        result.Error.ShouldContain("--url http://");
    }

    private List<JsonObject> Webhooks(params string[] docTypes) =>
        new[] { sites.Cloud, sites.Local }
            .SelectMany(site => site.Backdoor.List("Webhook"))
            .Where(w => docTypes.Contains(w["webhook_doctype"]!.GetValue<string>()))
            .OrderBy(w => w["request_url"]!.GetValue<string>(), StringComparer.Ordinal).ThenBy(w => w["name"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"listening on [^:]+:(\d+)")]
    private static partial Regex ListeningPort();
}
