using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Server.Tests.Support;
using ErpSync.Server.Webhooks;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Server.Tests.Webhooks;

public sealed class WebhookApiTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private const string Body = "{\"doctype\": \"Customer\", \"name\": \"Acme\", \"action\": \"on_update\", \"modified\": \"2026-01-01 10:00:00.000001\", \"modified_by\": \"Administrator\", \"docstatus\": 0}";

    [Fact]
    public async Task PostWebhook_SignedTemplateBody_AnswersAfterQueuingAndWakesAWorker()
    {
        var engine = new FakeSyncEngine();
        // A poll of an hour: only the intake's signal can wake the worker in time.
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { QueuePollInterval = TimeSpan.FromHours(1) });

        using var response = await server.PostWebhookAsync("cloud", Body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        ((string)reply!["status"]!).ShouldBe("success");
        ((long)reply["id"]!).ShouldBeGreaterThan(0);
        var calls = await engine.WaitForCallsAsync(1);
        calls.ShouldHaveSingleItem().ShouldBe(new EngineCall("Customer", SiteName.Cloud, "Acme", 1));
        await server.WaitForRecordedCountAsync(1);
        (await server.Database.Queue.GetStatsAsync(TestContext.Current.CancellationToken)).Processed.ShouldBe(1);
    }

    [Fact]
    public async Task PostWebhook_Local_QueuesWithLocalSourceAndConfiguredSpelling()
    {
        var engine = new FakeSyncEngine();
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine);

        using var response = await server.PostWebhookAsync("local", "{\"doctype\": \"sales order\", \"name\": \"SO-1\"}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await engine.WaitForCallsAsync(1)).ShouldHaveSingleItem().ShouldBe(new EngineCall("Sales Order", SiteName.Local, "SO-1", 1));
    }

    [Fact]
    public async Task PostWebhook_HexSignature_Accepted()
    {
        await using var server = await ServerHarness.StartAsync(sites.Pair, new FakeSyncEngine());
        var hex = Convert.ToHexString(Convert.FromBase64String(new WebhookSignature(ServerHarness.Secret).Sign(Encoding.UTF8.GetBytes(Body)))).ToLowerInvariant();

        using var response = await server.PostWebhookAsync("cloud", Body, hex);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostWebhook_BadInputs_RejectedWithReasonAndServerKeepsServing()
    {
        var engine = new FakeSyncEngine();
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { MaxBodyBytes = 2048 });
        var ct = TestContext.Current.CancellationToken;

        (await Status(server.PostWebhookAsync("cloud", Body, signature: ""))).ShouldBe((HttpStatusCode.Unauthorized, "missing X-Frappe-Webhook-Signature"));
        (await Status(server.PostWebhookAsync("cloud", Body, signature: new WebhookSignature("other").Sign(Encoding.UTF8.GetBytes(Body)))))
            .ShouldBe((HttpStatusCode.Unauthorized, "invalid X-Frappe-Webhook-Signature"));
        (await Status(server.PostWebhookAsync("cloud", Body.Replace("Acme", "Acm3", StringComparison.Ordinal), signature: new WebhookSignature(ServerHarness.Secret).Sign(Encoding.UTF8.GetBytes(Body)))))
            .Item1.ShouldBe(HttpStatusCode.Unauthorized);
        (await Status(server.PostWebhookAsync("cloud", "{\"doctype\": \"Customer\", \"name\": "))).ShouldBe((HttpStatusCode.BadRequest, "not valid JSON"));
        (await Status(server.PostWebhookAsync("cloud", "{\"name\": \"Acme\"}"))).ShouldBe((HttpStatusCode.UnprocessableEntity, "no DocType"));
        (await Status(server.PostWebhookAsync("cloud", "{\"doctype\": \"Customer\"}"))).ShouldBe((HttpStatusCode.UnprocessableEntity, "no document"));
        var big = "{\"doctype\": \"Customer\", \"name\": \"Acme\", \"notes\": \"" + new string('x', 3000) + "\"}";
        (await Status(server.PostWebhookAsync("cloud", big))).ShouldBe((HttpStatusCode.RequestEntityTooLarge, "larger than 2048 bytes"));
        (await Status(PostChunkedAsync(server, big))).Item1.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await server.Http.PostAsync("webhook/elsewhere", new StringContent(Body), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        engine.Calls.ShouldBeEmpty();
        (await server.Database.Queue.GetStatsAsync(ct)).Pending.ShouldBe(0);
        (await Status(server.PostWebhookAsync("cloud", Body))).Item1.ShouldBe(HttpStatusCode.OK);
        (await engine.WaitForCallsAsync(1)).ShouldHaveSingleItem().Name.ShouldBe("Acme");
    }

    [Fact]
    public async Task PostWebhook_OversizedDeclaredBody_RefusedBeforeItIsSent()
    {
        await using var server = await ServerHarness.StartAsync(sites.Pair, new FakeSyncEngine(), o => o with { MaxBodyBytes = 4096 });
        using var client = new TcpClient();
        await client.ConnectAsync(server.BaseUrl.Host, server.BaseUrl.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        // Headers only: a body of 50 MB is announced but never sent; the answer must come anyway.
        var head = $"POST /webhook/cloud HTTP/1.1\r\nHost: {server.BaseUrl.Authority}\r\nContent-Length: 52428800\r\nX-Frappe-Webhook-Signature: x\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Encoding.ASCII.GetString(buffer, 0, read).ShouldStartWith("HTTP/1.1 413");
    }

    [Fact]
    public async Task PostWebhook_UnknownDocType_AcceptedSkippedAndCounted()
    {
        var engine = new FakeSyncEngine();
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine);

        using var response = await server.PostWebhookAsync("cloud", "{\"doctype\": \"ToDo\", \"name\": \"T-1\"}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((string)(await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["status"]!).ShouldBe("skipped");
        var stats = await server.Database.Queue.GetStatsAsync(TestContext.Current.CancellationToken);
        (stats.Pending + stats.Processing + stats.Processed).ShouldBe(0);
        server.LogCapture.Logs.ShouldContain(l => l.Message.Contains("ToDo T-1", StringComparison.Ordinal) && l.Message.Contains("not in sync_rules.doctypes", StringComparison.Ordinal));
        var metrics = await server.Http.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        metrics.ShouldContain("erpsync_server_webhooks_total{result=\"skipped\",source=\"cloud\"} 1");
    }

    [Fact]
    public async Task PostWebhook_NoSecretConfigured_AcceptsUnsignedBodies()
    {
        var engine = new FakeSyncEngine();
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { WebhookSecret = null });

        using var response = await server.PostWebhookAsync("cloud", Body, signature: "");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ErpSyncServer.Banner(server.App).ShouldContain("Signatures: NOT enforced");
    }

    [Fact]
    public async Task PostWebhook_FormEncodedAndDocTypeInQuery_Queued()
    {
        var engine = new FakeSyncEngine();
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine);

        (await server.PostWebhookAsync("cloud", "doctype=Item&name=ITEM+1&action=on_trash", contentType: "application/x-www-form-urlencoded")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.PostWebhookAsync("local", "{\"name\": \"Acme\", \"customer_name\": \"Acme\"}", query: "?doctype=Customer")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var calls = await engine.WaitForCallsAsync(2);
        calls.Select(c => (c.DocType, c.Source, c.Name)).ShouldBe([("Item", SiteName.Cloud, "ITEM 1"), ("Customer", SiteName.Local, "Acme")], ignoreOrder: true);
    }

    [Fact]
    public async Task PostWebhook_IntakeClosed_Answers503WithRetryAfter()
    {
        var engine = new FakeSyncEngine();
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine);
        server.Get<IntakeGate>().Close();

        using var response = await server.PostWebhookAsync("cloud", Body);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        (await server.Database.Queue.GetStatsAsync(TestContext.Current.CancellationToken)).Pending.ShouldBe(0);
    }

    [Fact]
    public async Task PostWebhook_AnyOutcome_NeverLogsTheSecretOrTheSignature()
    {
        await using var server = await ServerHarness.StartAsync(sites.Pair, new FakeSyncEngine());
        var good = new WebhookSignature(ServerHarness.Secret).Sign(Encoding.UTF8.GetBytes(Body));
        var bad = new WebhookSignature("attacker").Sign(Encoding.UTF8.GetBytes(Body));

        await server.PostWebhookAsync("cloud", Body);
        await server.PostWebhookAsync("cloud", Body, bad);
        await server.PostWebhookAsync("cloud", "{\"name\": 1}");
        await server.WaitForRecordedCountAsync(1);

        var everything = string.Join('\n', server.LogCapture.Logs.Select(l => l.Everything));
        everything.ShouldContain("queued as item");
        everything.ShouldNotContain(ServerHarness.Secret);
        everything.ShouldNotContain(good);
        everything.ShouldNotContain(bad);
        server.Options.ToString().ShouldNotContain(ServerHarness.Secret);
    }

    private static async Task<(HttpStatusCode, string)> Status(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        var body = await response.Content.ReadAsStringAsync();
        var message = body.Length > 0 && body[0] == '{' ? (string?)JsonNode.Parse(body)?["message"] ?? body : body;
        foreach (var expected in new[] { "missing X-Frappe-Webhook-Signature", "invalid X-Frappe-Webhook-Signature", "not valid JSON", "no DocType", "no document", "larger than 2048 bytes" })
        {
            if (message.Contains(expected, StringComparison.Ordinal))
                return (response.StatusCode, expected);
        }

        return (response.StatusCode, message);
    }

    private static Task<HttpResponseMessage> PostChunkedAsync(ServerHarness server, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new StreamContent(new MemoryStream(bytes));
        var request = new HttpRequestMessage(HttpMethod.Post, "webhook/cloud") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, new WebhookSignature(ServerHarness.Secret).Sign(bytes));
        return server.Http.SendAsync(request);
    }
}
