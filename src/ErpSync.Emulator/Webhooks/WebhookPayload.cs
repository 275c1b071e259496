using System.Security.Cryptography;
using System.Text;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Templates;

namespace ErpSync.Emulator.Webhooks;

/// <summary>
/// <c>get_webhook_data</c> and <c>get_webhook_headers</c>: the data dict (webhook_data rows, or the rendered
/// JSON template parsed with <c>json.loads</c>), the body as Python's <c>json.dumps</c>, the base64
/// HMAC-SHA256 signature of those bytes and the custom headers.
/// </summary>
internal static class WebhookPayload
{
    public const string SignatureHeader = "X-Frappe-Webhook-Signature";

    /// <summary>The data dict; throws <see cref="TemplateException"/> or <see cref="PyJsonException"/> like Frappe's job does.</summary>
    public static OrderedDictionary<string, object?> Data(Doc webhook, OrderedDictionary<string, object?> doc, SiteClock clock)
    {
        var rows = webhook.Tables.GetValueOrDefault("webhook_data") ?? [];
        if (rows.Count > 0)
        {
            var data = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var row in rows)
                data[row.GetString("key") ?? string.Empty] = doc.GetValueOrDefault(row.GetString("fieldname") ?? string.Empty);
            return data;
        }

        if (webhook.GetString("webhook_json") is { Length: > 0 } template)
        {
            var rendered = JinjaTemplate.Parse(template).Render(WebhookScope.For(doc, clock));
            return PyJsonParser.Parse(rendered) as OrderedDictionary<string, object?> ?? [];
        }

        return new OrderedDictionary<string, object?>(StringComparer.Ordinal);
    }

    /// <summary>Base64 of HMAC-SHA256 over the body bytes, keyed with the UTF-8 secret.</summary>
    public static string Sign(string secret, byte[] body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Headers in Frappe's order: the signature (when signing), then webhook_headers rows with key and value.</summary>
    public static List<KeyValuePair<string, string>> Headers(Doc webhook, string? secret, byte[] body)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (PyConvert.Cint(webhook["enable_security"]) == 1 && secret is not null)
            headers.Add(new(SignatureHeader, Sign(secret, body)));
        foreach (var row in webhook.Tables.GetValueOrDefault("webhook_headers") ?? [])
        {
            if (row.GetString("key") is { Length: > 0 } key && row.GetString("value") is { Length: > 0 } value)
            {
                headers.RemoveAll(h => string.Equals(h.Key, key, StringComparison.OrdinalIgnoreCase));
                headers.Add(new(key, value));
            }
        }

        return headers;
    }

    /// <summary>The headers dict as the request log stores it (the signature as the list of its bytes).</summary>
    public static OrderedDictionary<string, object?>? ForLog(List<KeyValuePair<string, string>> headers)
    {
        if (headers.Count == 0)
            return null;
        var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in headers)
            dict[key] = key == SignatureHeader ? Encoding.ASCII.GetBytes(value) : value;
        return dict;
    }
}
