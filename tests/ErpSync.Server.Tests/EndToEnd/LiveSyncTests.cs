using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Server.Webhooks;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>Two emulated sites whose Webhook documents deliver to a running server with the real engine.</summary>
public sealed class LiveSyncTests(LiveSyncFixture fixture) : IClassFixture<LiveSyncFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private LiveSync Live => fixture.Live;

    [Fact]
    public async Task Webhook_InsertOnCloud_ArrivesOnLocalOnce()
    {
        var cloudName = LiveSync.CreateCustomer(Live.Sites.Cloud, "Cloud First GmbH");

        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Cloud First").Count > 0, Timeout, () => "the customer on local");
        await Live.WaitForQuietAsync(Timeout);

        var copy = LiveSync.Customers(Live.Sites.Local, "Cloud First").ShouldHaveSingleItem();
        LiveSync.Text(copy, "customer_name").ShouldBe("Cloud First GmbH");
        var record = await Live.Database.Store.FindRecordAsync(LiveSync.DocType, SiteName.Cloud, cloudName, TestContext.Current.CancellationToken);
        record.ShouldNotBeNull().LocalName.ShouldBe(LiveSync.Text(copy, "name"));
        LiveSync.Customers(Live.Sites.Cloud, "Cloud First").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Webhook_InsertAndUpdateOnLocal_ArriveOnCloud()
    {
        var localName = LiveSync.CreateCustomer(Live.Sites.Local, "Local Side Ltd");
        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Cloud, "Local Side").Count > 0, Timeout, () => "the customer on cloud");
        await Live.WaitForQuietAsync(Timeout);

        Live.Sites.Local.Backdoor.Update(LiveSync.DocType, localName, new JsonObject { ["customer_group"] = "Commercial" });

        await Eventually.WaitAsync(
            () => LiveSync.Customers(Live.Sites.Cloud, "Local Side").Single() is var c && LiveSync.Text(c, "customer_group") == "Commercial",
            Timeout, () => "the new group on cloud");
        await Live.WaitForQuietAsync(Timeout);
        LiveSync.Customers(Live.Sites.Cloud, "Local Side").ShouldHaveSingleItem();
        LiveSync.Customers(Live.Sites.Local, "Local Side").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Webhook_DeleteOnCloud_RemovesTheLocalCopy()
    {
        var cloudName = LiveSync.CreateCustomer(Live.Sites.Cloud, "Short Lived SA");
        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Short Lived").Count > 0, Timeout, () => "the customer on local");
        await Live.WaitForQuietAsync(Timeout);

        using (var client = Emulation())
            (await client.DeleteAsync($"api/resource/Customer/{cloudName}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Short Lived").Count == 0, Timeout, () => "the local copy deleted");
        await Live.WaitForQuietAsync(Timeout);
        LiveSync.Customers(Live.Sites.Cloud, "Short Lived").ShouldBeEmpty();
    }

    [Fact]
    public async Task Webhook_EchoOfTheServersOwnWrite_WritesNothingMore()
    {
        var cloudName = LiveSync.CreateCustomer(Live.Sites.Cloud, "Echo Test AG");
        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Echo Test").Count > 0, Timeout, () => "the customer on local");
        await Live.WaitForQuietAsync(Timeout);
        var cloudBefore = Live.Sites.Cloud.Backdoor.Get(LiveSync.DocType, cloudName)!;
        var localName = LiveSync.Text(LiveSync.Customers(Live.Sites.Local, "Echo Test").Single(), "name");
        var localBefore = Live.Sites.Local.Backdoor.Get(LiveSync.DocType, localName)!;
        var cloudHooksBefore = DeliveriesFor(Live.Sites.Cloud, cloudName);
        var localHooksBefore = DeliveriesFor(Live.Sites.Local, localName);
        var outcomesBefore = Live.Outcomes;

        // One more edit on cloud: the server writes it to local, whose webhook comes back to the server (the echo).
        Live.Sites.Cloud.Backdoor.Update(LiveSync.DocType, cloudName, new JsonObject { ["customer_group"] = "Government" });
        await Eventually.WaitAsync(() => DeliveriesFor(Live.Sites.Local, localName) > localHooksBefore, Timeout, () => "local's echo webhook");
        await Live.WaitForQuietAsync(Timeout);

        var cloudAfter = Live.Sites.Cloud.Backdoor.Get(LiveSync.DocType, cloudName)!;
        var localAfter = Live.Sites.Local.Backdoor.Get(LiveSync.DocType, localName)!;
        LiveSync.Text(localAfter, "customer_group").ShouldBe("Government");
        // Cloud was edited once by the user and never written by the server: no second change, no second webhook.
        LiveSync.Text(cloudAfter, "modified").ShouldNotBe(LiveSync.Text(cloudBefore, "modified"));
        DeliveriesFor(Live.Sites.Cloud, cloudName).ShouldBe(cloudHooksBefore + 1);
        // Local was written once (one save, one webhook) and the echo of that write changed nothing.
        DeliveriesFor(Live.Sites.Local, localName).ShouldBe(localHooksBefore + 1);
        LiveSync.Text(localAfter, "modified").ShouldNotBe(LiveSync.Text(localBefore, "modified"));
        (Live.Outcomes - outcomesBefore).ShouldBe(2);
        var cloudLatest = Live.Sites.Cloud.Backdoor.Get(LiveSync.DocType, cloudName)!;
        LiveSync.Text(cloudLatest, "modified").ShouldBe(LiveSync.Text(cloudAfter, "modified"));
    }

    [Fact]
    public async Task Webhook_BadInputs_RejectedAndTheServerKeepsSyncing()
    {
        var body = "{\"doctype\": \"Customer\", \"name\": \"CUST-X\", \"action\": \"on_update\"}";
        var statsBefore = await Live.Database.Queue.GetStatsAsync(TestContext.Current.CancellationToken);

        (await PostAsync("cloud", body, signature: "")).ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync("cloud", body, signature: new WebhookSignature("another-secret").Sign(Encoding.UTF8.GetBytes(body)))).ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync("cloud", "{\"doctype\": \"Customer\", \"name\": ")).ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync("local", "{\"action\": \"on_update\"}")).ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await PostAsync("cloud", "{\"doctype\": \"Customer\", \"name\": \"" + new string('x', 2 * 1024 * 1024) + "\"}")).ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await PostAsync("elsewhere", body)).ShouldBe(HttpStatusCode.NotFound);

        var statsAfter = await Live.Database.Queue.GetStatsAsync(TestContext.Current.CancellationToken);
        (statsAfter.Pending + statsAfter.Processing + statsAfter.Processed + statsAfter.Retrying + statsAfter.Dead)
            .ShouldBe(statsBefore.Pending + statsBefore.Processing + statsBefore.Processed + statsBefore.Retrying + statsBefore.Dead);
        using var health = await Live.Http.GetAsync("health", TestContext.Current.CancellationToken);
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        LiveSync.CreateCustomer(Live.Sites.Cloud, "After Rejections Inc");
        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "After Rejections").Count == 1, Timeout, () => "the customer on local");
    }

    [Fact]
    public async Task Logs_AfterSyncsAndRejections_HoldNoSecret()
    {
        LiveSync.CreateCustomer(Live.Sites.Cloud, "Log Check Co");
        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Log Check").Count == 1, Timeout, () => "the customer on local");
        (await PostAsync("cloud", "{\"doctype\": \"Customer\", \"name\": \"X\"}", signature: "bm90LXRoZS1zaWduYXR1cmU=")).ShouldBe(HttpStatusCode.Unauthorized);
        await Live.WaitForQuietAsync(Timeout);

        var logs = Live.Logs.Logs;
        logs.ShouldContain(l => l.Message.Contains("Synced Customer", StringComparison.Ordinal));
        foreach (var secret in new[] { LiveSync.Secret, Live.Sites.Cloud.ApiSecret, Live.Sites.Local.ApiSecret })
        {
            logs.ShouldNotContain(l => l.Everything.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task<HttpStatusCode> PostAsync(string site, string body, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"webhook/{site}") { Content = new ByteArrayContent(bytes) };
        signature ??= new WebhookSignature(LiveSync.Secret).Sign(bytes);
        if (signature.Length > 0)
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        using var response = await Live.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static int DeliveriesFor(Emulator.EmulatedSite site, string name) =>
        site.Backdoor.WebhookDeliveries.Count(d => d.DocName == name && d.Succeeded);

    private HttpClient Emulation() => TestKit.Emulation.EmulatedSiteExtensions.CreateClient(Live.Sites.Cloud);
}
