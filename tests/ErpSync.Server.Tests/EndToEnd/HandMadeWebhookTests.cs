using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Server.Webhooks;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>
/// Webhook documents an administrator made by hand in the desk instead of with <c>setup-webhook</c>: Frappe's
/// default Form URL-Encoded body with a field list, and a JSON body that is the whole document.
/// </summary>
public sealed class HandMadeWebhookTests(HandMadeWebhookTests.HandMadeFixture fixture) : IClassFixture<HandMadeWebhookTests.HandMadeFixture>
{
    public sealed class HandMadeFixture : LiveSyncFixture
    {
        internal override bool InstallTemplateHooks => false;
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private LiveSync Live => fixture.Live;

    [Fact]
    public async Task Webhook_FormEncodedFieldListAndWholeDocumentJson_BothSync()
    {
        Live.Sites.Cloud.Backdoor.Insert("Webhook", new JsonObject
        {
            ["webhook_doctype"] = LiveSync.DocType,
            ["webhook_docevent"] = "on_update",
            ["enabled"] = 1,
            ["request_url"] = new Uri(Live.BaseUrl, WebhookTemplate.Path(SiteName.Cloud)).ToString(),
            ["request_structure"] = "Form URL-Encoded",
            ["webhook_data"] = new JsonArray(
                new JsonObject { ["fieldname"] = "name", ["key"] = "name" },
                new JsonObject { ["fieldname"] = "doctype", ["key"] = "doctype" }),
            ["enable_security"] = 1,
            ["webhook_secret"] = LiveSync.Secret,
        });
        Live.Sites.Local.Backdoor.Insert("Webhook", new JsonObject
        {
            ["webhook_doctype"] = LiveSync.DocType,
            ["webhook_docevent"] = "on_update",
            ["enabled"] = 1,
            ["request_url"] = new Uri(Live.BaseUrl, WebhookTemplate.Path(SiteName.Local)).ToString(),
            ["request_structure"] = "JSON",
            ["webhook_json"] = "{{ doc | json }}",
            ["enable_security"] = 1,
            ["webhook_secret"] = LiveSync.Secret,
        });

        LiveSync.CreateCustomer(Live.Sites.Cloud, "Form Hook Ltd");
        LiveSync.CreateCustomer(Live.Sites.Local, "Whole Doc Ltd");

        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Form Hook").Count == 1, Timeout, () => "cloud's customer on local");
        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Cloud, "Whole Doc").Count == 1, Timeout, () => "local's customer on cloud");
        await Live.WaitForQuietAsync(Timeout);
        Live.Sites.Cloud.Backdoor.WebhookDeliveries.ShouldAllBe(d => d.Succeeded, "a hand-made webhook was refused");
        Live.Sites.Local.Backdoor.WebhookDeliveries.ShouldAllBe(d => d.Succeeded, "a hand-made webhook was refused");
        LiveSync.Customers(Live.Sites.Local, "Form Hook").Count.ShouldBe(1);
        LiveSync.Customers(Live.Sites.Cloud, "Whole Doc").Count.ShouldBe(1);
    }
}
