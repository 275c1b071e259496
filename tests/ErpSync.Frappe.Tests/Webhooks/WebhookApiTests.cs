using System.Text.Json.Nodes;
using ErpSync.Frappe.Tests.Transcripts;
using ErpSync.Frappe.Webhooks;

namespace ErpSync.Frappe.Tests.Webhooks;

public sealed class WebhookApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateWebhookAsync_FormWebhookWithSecret_PostsDocumentWithChildTables()
    {
        var exchange = TranscriptLibrary.Exchange("31-webhook-create.json", "form_on_update");
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);
        var definition = new WebhookDefinition
        {
            DocType = "Sync Customer",
            DocEvent = "on_update",
            RequestUrl = new Uri("http://127.0.0.1:8765/wh/customer/form-on_update"),
            RequestStructure = "Form URL-Encoded",
            DataFields = [new WebhookDataField("name", "name"), new WebhookDataField("customer_name", "customer_name")],
            EnableSecurity = true,
            Secret = "form-secret-123",
        };

        var created = await client.CreateWebhookAsync(definition, Ct);

        created.Name.ShouldBe("HOOK-0001");
        created.HasSecret.ShouldBeTrue();
        created.Definition.Secret.ShouldBeNull();
        created.Definition.DataFields.ShouldBe(definition.DataFields);
        created.Modified.ShouldBe("2026-11-22 04:29:15.537093");
        var sent = JsonNode.Parse(handler.Requests.Single().Body!)!.AsObject();
        foreach (var (key, value) in exchange.RequestBody!.AsObject())
            JsonNode.DeepEquals(sent[key], value).ShouldBeTrue(key);
        definition.ToString().ShouldNotContain("form-secret-123");
    }

    [Fact]
    public async Task ListWebhooksAsync_ForDocType_ReadsEachWebhookWhole()
    {
        var read = TranscriptLibrary.Exchange("31-webhook-create.json", "GET a Webhook back (secret is masked)");
        var handler = new ScriptedHandler().Then(200, """{"data":[{"name":"HOOK-0001"}]}""").Then(read);
        using var client = TestSites.Client(handler);

        var hooks = await client.ListWebhooksAsync("Sync Customer", Ct);

        var hook = hooks.ShouldHaveSingleItem();
        hook.Definition.RequestStructure.ShouldBe("Form URL-Encoded");
        hook.Definition.DataFields.Count.ShouldBe(2);
        handler.Requests.First().Query("filters").ShouldBe("""[["webhook_doctype","=","Sync Customer"]]""");
        handler.Requests.Last().Target.ShouldBe("/api/resource/Webhook/HOOK-0001");
    }

    [Fact]
    public async Task UpdateWebhookAsync_WithExpectedModified_PutsFullSettingsAndReplacesRows()
    {
        var read = TranscriptLibrary.Exchange("31-webhook-create.json", "GET a Webhook back (secret is masked)");
        var handler = new ScriptedHandler().Then(read);
        using var client = TestSites.Client(handler);
        var definition = new WebhookDefinition
        {
            DocType = "Sync Customer",
            DocEvent = "on_update",
            RequestUrl = new Uri("http://127.0.0.1:8765/wh/customer/form-on_update"),
            Headers = [new WebhookHeader("Content-Type", "application/json")],
        };

        await client.UpdateWebhookAsync("HOOK-0001", definition, "2026-11-22 04:29:15.537093", Ct);

        var request = handler.Requests.Single();
        request.Method.ShouldBe("PUT");
        var sent = JsonNode.Parse(request.Body!)!.AsObject();
        sent["modified"]!.GetValue<string>().ShouldBe("2026-11-22 04:29:15.537093");
        sent["webhook_headers"]!.ToJsonString().ShouldBe("""[{"key":"Content-Type","value":"application/json"}]""");
        sent["webhook_data"]!.AsArray().ShouldBeEmpty();
        sent.ContainsKey("webhook_secret").ShouldBeFalse();
    }
}
