using System.Text.Json.Nodes;
using ErpSync.Frappe.Metadata;

namespace ErpSync.Frappe.Webhooks;

/// <summary>Converts between <see cref="WebhookDefinition"/> and the <c>Webhook</c> document JSON.</summary>
internal static class WebhookMapping
{
    public static JsonObject ToDocument(WebhookDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.DocType);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.DocEvent);
        if (!definition.RequestUrl.IsAbsoluteUri)
            throw new ArgumentException("A webhook request URL must be absolute, with a host.", nameof(definition));
        var document = new JsonObject
        {
            ["webhook_doctype"] = definition.DocType,
            ["webhook_docevent"] = definition.DocEvent,
            ["enabled"] = definition.Enabled ? 1 : 0,
            ["request_url"] = definition.RequestUrl.AbsoluteUri,
            ["request_method"] = definition.RequestMethod,
            ["request_structure"] = definition.RequestStructure,
            ["webhook_json"] = definition.WebhookJson,
            ["condition"] = definition.Condition,
            ["enable_security"] = definition.EnableSecurity ? 1 : 0,
            ["webhook_headers"] = new JsonArray(definition.Headers.Select(h => (JsonNode)new JsonObject { ["key"] = h.Key, ["value"] = h.Value }).ToArray()),
            ["webhook_data"] = new JsonArray(definition.DataFields.Select(d => (JsonNode)new JsonObject { ["fieldname"] = d.Fieldname, ["key"] = d.Key }).ToArray()),
        };
        if (definition.Secret is not null)
            document["webhook_secret"] = definition.Secret;
        if (definition.TimeoutSeconds is { } timeout)
            document["timeout"] = timeout;
        return document;
    }

    public static WebhookDocument FromDocument(JsonObject document)
    {
        var name = MetaParser.Text(document["name"]) ?? throw new FormatException("Webhook document without a name");
        var url = MetaParser.Text(document["request_url"]);
        var secret = MetaParser.Text(document["webhook_secret"]);
        var definition = new WebhookDefinition
        {
            Name = name,
            DocType = MetaParser.Text(document["webhook_doctype"]) ?? string.Empty,
            DocEvent = MetaParser.Text(document["webhook_docevent"]) ?? string.Empty,
            RequestUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : new Uri("about:blank"),
            RequestMethod = MetaParser.Text(document["request_method"]) ?? "POST",
            RequestStructure = MetaParser.Text(document["request_structure"]) ?? "JSON",
            WebhookJson = MetaParser.Text(document["webhook_json"]),
            Condition = MetaParser.Text(document["condition"]),
            Enabled = MetaParser.Flag(document["enabled"]),
            EnableSecurity = MetaParser.Flag(document["enable_security"]),
            TimeoutSeconds = document["timeout"] is JsonValue t && t.TryGetValue<int>(out var seconds) ? seconds : null,
            Headers = Rows(document["webhook_headers"]).Select(r => new WebhookHeader(MetaParser.Text(r["key"]) ?? string.Empty, MetaParser.Text(r["value"]) ?? string.Empty)).ToList(),
            DataFields = Rows(document["webhook_data"]).Select(r => new WebhookDataField(MetaParser.Text(r["fieldname"]) ?? string.Empty, MetaParser.Text(r["key"]) ?? string.Empty)).ToList(),
        };
        return new WebhookDocument(name, MetaParser.Text(document["modified"]) ?? string.Empty, definition, !string.IsNullOrEmpty(secret));
    }

    private static IEnumerable<JsonObject> Rows(JsonNode? node) =>
        (node as JsonArray)?.OfType<JsonObject>().OrderBy(r => r["idx"] is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0) ?? Enumerable.Empty<JsonObject>();
}
