using System.Net;
using System.Text;
using ErpSync.Core.Sites;
using ErpSync.Server.Webhooks;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>The one volume test of the server: a thousand webhooks at once over real HTTP, through the real engine.</summary>
public sealed class WebhookBurstTests(LiveSyncFixture fixture) : IClassFixture<LiveSyncFixture>
{
    private const int Documents = 500;

    private LiveSync Live => fixture.Live;

    [Fact]
    public async Task Webhooks_ThousandInABurst_EveryDocumentAppliedExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        // The documents exist on cloud before the burst; their own webhooks are dropped so the burst is all there is.
        Live.Sites.Cloud.Faults.DropWebhooks = 1.0;
        var names = Enumerable.Range(0, Documents).Select(i => LiveSync.CreateCustomer(Live.Sites.Cloud, $"Burst {i:D4}")).ToList();
        await Live.Sites.Cloud.Backdoor.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(30), ct);
        Live.Sites.Cloud.Faults.DropWebhooks = 0;
        var cloudBefore = LiveSync.Customers(Live.Sites.Cloud, "Burst ").ToDictionary(c => LiveSync.Text(c, "name"), c => LiveSync.Text(c, "modified"));

        // Every document twice (a save and a resave arriving together), interleaved, 32 senders at once.
        var bodies = names.Concat(names).Select(name => Body(name, Live.Sites.Cloud.Backdoor.Get(LiveSync.DocType, name)!)).ToList();
        var statuses = new HttpStatusCode[bodies.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, bodies.Count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, token) =>
        {
            var bytes = Encoding.UTF8.GetBytes(bodies[i]);
            using var request = new HttpRequestMessage(HttpMethod.Post, "webhook/cloud") { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, new WebhookSignature(LiveSync.Secret).Sign(bytes));
            using var response = await Live.Http.SendAsync(request, token);
            statuses[i] = response.StatusCode;
        });

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Burst ").Count >= Documents, TimeSpan.FromSeconds(120),
            () => $"{LiveSync.Customers(Live.Sites.Local, "Burst ").Count} of {Documents} on local");
        await Live.WaitForQuietAsync(TimeSpan.FromSeconds(60));

        var copies = LiveSync.Customers(Live.Sites.Local, "Burst ");
        copies.Count.ShouldBe(Documents);
        copies.Select(c => LiveSync.Text(c, "customer_name")).Distinct().Count().ShouldBe(Documents);
        // Cloud was the source only: nothing was written back to it, and nothing was created twice anywhere.
        var cloudAfter = LiveSync.Customers(Live.Sites.Cloud, "Burst ").ToDictionary(c => LiveSync.Text(c, "name"), c => LiveSync.Text(c, "modified"));
        cloudAfter.ShouldBe(cloudBefore);
        foreach (var name in names)
        {
            var record = await Live.Database.Store.FindRecordAsync(LiveSync.DocType, SiteName.Cloud, name, ct);
            record.ShouldNotBeNull($"{name} has no sync record");
            copies.ShouldContain(c => LiveSync.Text(c, "name") == record.LocalName);
        }

        var stats = await Live.Database.Queue.GetStatsAsync(ct);
        stats.Dead.ShouldBe(0);
        var metrics = Support.PrometheusText.Parse(await Live.Http.GetStringAsync("metrics", ct));
        metrics["erpsync_server_webhooks_total"].Samples
            .Where(m => m.Labels["source"] == "cloud" && m.Labels["result"] == "accepted").Sum(m => m.Value).ShouldBeGreaterThanOrEqualTo(2 * Documents);
    }

    private static string Body(string name, System.Text.Json.Nodes.JsonObject document) =>
        $"{{\"doctype\": \"Customer\", \"name\": \"{name}\", \"action\": \"on_update\", \"modified\": \"{LiveSync.Text(document, "modified")}\", \"modified_by\": \"Administrator\", \"docstatus\": 0}}";
}
