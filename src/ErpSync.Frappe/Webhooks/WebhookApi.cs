using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Documents;
using ErpSync.Frappe.Errors;
using ErpSync.Frappe.Http;
using ErpSync.Frappe.Listing;

namespace ErpSync.Frappe.Webhooks;

/// <summary>Webhook documents over the resource API (System Manager only on real sites).</summary>
internal sealed class WebhookApi(FrappeTransport transport, FrappeSiteOptions options) : IFrappeWebhooks
{
    private const string DocType = "Webhook";

    public async Task<IReadOnlyList<WebhookDocument>> ListWebhooksAsync(string? doctype, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("fields", ListEncoding.Fields(["name"])),
            new("order_by", "name asc"),
            new("limit_page_length", "0"),
        };
        if (doctype is not null)
            query.Insert(1, new("filters", ListEncoding.Filters([new ListFilter("webhook_doctype", "=", doctype)])));
        var list = await transport.SendAsync(
            new FrappeRequest(HttpMethod.Get, FrappeUrl.WithQuery(FrappeUrl.Resource(DocType), query), new RequestContext(options.Site, "GET", "list", DocType)),
            cancellationToken).ConfigureAwait(false);
        var names = (list.Data as JsonArray)?.OfType<JsonObject>().Select(DocumentLister.NameOf).Where(n => n.Length > 0).ToList() ?? [];

        // The list cannot return child tables, so each Webhook is read whole; sites have a handful of them.
        var result = new List<WebhookDocument>(names.Count);
        foreach (var name in names)
        {
            var response = await transport.SendAsync(
                new FrappeRequest(HttpMethod.Get, FrappeUrl.Resource(DocType, name), new RequestContext(options.Site, "GET", "get", DocType, name)),
                cancellationToken).ConfigureAwait(false);
            if (response.Data is JsonObject document)
                result.Add(WebhookMapping.FromDocument(document));
        }

        return result;
    }

    public async Task<WebhookDocument> CreateWebhookAsync(WebhookDefinition definition, CancellationToken cancellationToken)
    {
        var body = WebhookMapping.ToDocument(definition);
        if (definition.Name is not null)
            body["name"] = definition.Name;
        var response = await transport.SendAsync(
            new FrappeRequest(HttpMethod.Post, FrappeUrl.Resource(DocType), new RequestContext(options.Site, "POST", "insert", DocType, definition.Name), body, Idempotent: false),
            cancellationToken).ConfigureAwait(false);
        return WebhookMapping.FromDocument(Document(response, definition.Name));
    }

    public async Task<WebhookDocument> UpdateWebhookAsync(string name, WebhookDefinition definition, string? expectedModified, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var body = DocumentBodies.ForUpdate(WebhookMapping.ToDocument(definition), name, expectedModified);
        var response = await transport.SendAsync(
            new FrappeRequest(HttpMethod.Put, FrappeUrl.Resource(DocType, name), new RequestContext(options.Site, "PUT", "update", DocType, name), body),
            cancellationToken).ConfigureAwait(false);
        return WebhookMapping.FromDocument(Document(response, name));
    }

    private JsonObject Document(FrappeResponse response, string? name) =>
        response.Data as JsonObject ?? throw new FrappeServerException(
            string.Create(CultureInfo.InvariantCulture, $"{options.Site.ToWire()} site answered a Webhook write without the document"), response.Status, null, DocType, name);
}
