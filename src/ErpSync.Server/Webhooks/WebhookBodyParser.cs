using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ErpSync.Server.Webhooks;

/// <summary>
/// Reads the document and event out of a webhook body. Real Frappe sends JSON whatever the Webhook's
/// "request structure" and usually without a Content-Type, so JSON is tried first; true form encoding
/// (<c>doctype=…&amp;name=…</c>, or a <c>data=</c> field holding JSON) is accepted from other senders. Besides
/// <see cref="WebhookTemplate"/>'s shape it understands the shapes administrators configure by hand: the whole
/// document (<c>{{ doc | json }}</c>), a <c>doc</c> object, <c>docname</c>/<c>id</c> for the name,
/// <c>event</c>/<c>webhook_docevent</c> for the event, and the DocType or name in the URL's query string.
/// </summary>
internal static class WebhookBodyParser
{
    /// <summary>Frappe's <c>name</c> and DocType columns are varchar(140).</summary>
    public const int MaxNameLength = 140;

    private static readonly string[] DocTypeKeys = ["doctype", "doc_type", "reference_doctype", "webhook_doctype"];
    private static readonly string[] NameKeys = ["name", "docname", "doc_name", "reference_name", "document_name", "id"];
    private static readonly string[] ActionKeys = ["action", "event", "webhook_docevent", "doc_event", "docevent", "method"];
    private static readonly string[] EnvelopeKeys = ["doc", "data", "document"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static WebhookParseResult Parse(ReadOnlySpan<byte> body, string? contentType, IReadOnlyDictionary<string, StringValues>? query)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body).TrimStart('\uFEFF').Trim();
        }
        catch (DecoderFallbackException)
        {
            return WebhookParseResult.Malformed("the body is not UTF-8 text");
        }

        if (text.Length == 0)
            return WebhookParseResult.Malformed("the body is empty; Frappe sends the rendered JSON of the Webhook");

        JsonObject root;
        if (text[0] is '{' or '[' or '"' || IsJson(contentType) || !LooksLikeForm(text, contentType))
        {
            var parsed = ParseJson(text, out var error);
            if (parsed is null)
            {
                var jsonIntended = text[0] is '{' or '[' or '"' || IsJson(contentType);
                return WebhookParseResult.Malformed(jsonIntended || error.Contains("not an object", StringComparison.Ordinal) ? error : "the body is neither JSON nor form data");
            }

            root = parsed;
        }
        else
        {
            root = ParseForm(text);
        }

        var envelope = EnvelopeKeys.Select(k => root[k]).OfType<JsonObject>().FirstOrDefault();
        var docType = First(root, DocTypeKeys) ?? First(envelope, DocTypeKeys) ?? FromQuery(query, "doctype");
        var name = First(root, NameKeys) ?? First(envelope, NameKeys) ?? FromQuery(query, "name") ?? FromQuery(query, "docname");
        var action = First(root, ActionKeys) ?? FromQuery(query, "action") ?? FromQuery(query, "event") ?? "webhook";

        if (docType is null && name is null)
        {
            return WebhookParseResult.Missing(
                "the body names neither a DocType nor a document: send \"doctype\" and \"name\" (the template `erpsync setup-webhook` installs does), or add ?doctype=<DocType> to the webhook URL and \"name\" to the body");
        }

        if (docType is null)
            return WebhookParseResult.Missing($"the body names document '{name}' but no DocType: add \"doctype\": {{{{ doc.doctype | json }}}} to the Webhook's JSON, or ?doctype=<DocType> to its URL");
        if (name is null)
            return WebhookParseResult.Missing($"the body names DocType '{docType}' but no document: add \"name\": {{{{ doc.name | json }}}} to the Webhook's JSON");
        if (docType.Length > MaxNameLength || name.Length > MaxNameLength)
            return WebhookParseResult.Missing($"the DocType or document name is longer than {MaxNameLength} characters, which Frappe never sends");

        var modified = First(root, ["modified"]) ?? First(envelope, ["modified"]);
        var modifiedBy = First(root, ["modified_by"]) ?? First(envelope, ["modified_by"]);
        return WebhookParseResult.Ok(new WebhookEvent(docType, name, action, modified, modifiedBy));
    }

    private static JsonObject? ParseJson(string text, out string error)
    {
        error = "";
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            if (node is JsonObject obj)
                return obj;
            error = $"the body is JSON but not an object (got {Kind(node)}); send a JSON object with \"doctype\" and \"name\"";
            return null;
        }
        catch (JsonException e)
        {
            error = $"the body is not valid JSON ({FirstSentence(e.Message)})";
            return null;
        }
    }

    private static JsonObject ParseForm(string text)
    {
        var fields = QueryHelpers.ParseQuery(text);
        foreach (var key in new[] { "data", "payload", "json" })
        {
            if (fields.TryGetValue(key, out var value) && ParseJson(value.ToString(), out _) is { } inner)
                return inner;
        }

        var root = new JsonObject();
        foreach (var (key, value) in fields)
            root[key] = value.ToString();
        return root;
    }

    private static string? First(JsonObject? obj, string[] keys)
    {
        if (obj is null)
            return null;
        foreach (var key in keys)
        {
            if (obj[key] is JsonValue value && Text(value) is { Length: > 0 } text)
                return text;
        }

        return null;
    }

    private static string? Text(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>().Trim();
            case JsonValueKind.Number:
                // Autoincrement DocTypes have integer names.
                return value.TryGetValue<long>(out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : value.ToJsonString();
            default:
                return null;
        }
    }

    private static string? FromQuery(IReadOnlyDictionary<string, StringValues>? query, string key) =>
        query is not null && query.TryGetValue(key, out var value) && value.ToString().Trim() is { Length: > 0 } text ? text : null;

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeForm(string text, string? contentType) =>
        (contentType?.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ?? false) || text.Contains('=', StringComparison.Ordinal);

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "something else",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
