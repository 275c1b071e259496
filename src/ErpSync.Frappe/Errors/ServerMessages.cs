using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ErpSync.Frappe.Json;

namespace ErpSync.Frappe.Errors;

/// <summary>Decodes Frappe's double-encoded <c>_server_messages</c> into plain text.</summary>
internal static partial class ServerMessages
{
    /// <summary>
    /// The messages in <paramref name="encoded"/> (a JSON string holding a list of JSON strings), decoded,
    /// HTML-stripped; messages tied to the exception first. Anything unparsable is kept as plain text.
    /// </summary>
    public static IReadOnlyList<ServerMessage> Decode(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded))
            return [];
        string[]? items;
        try
        {
            items = JsonSerializer.Deserialize(encoded, FrappeJsonContext.Default.StringArray);
        }
        catch (JsonException)
        {
            return [new ServerMessage { Message = JsonSerializer.SerializeToElement(encoded, FrappeJsonContext.Default.String) }];
        }

        if (items is null)
            return [];
        var result = new List<ServerMessage>(items.Length);
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item))
                continue;
            try
            {
                var message = JsonSerializer.Deserialize(item, FrappeJsonContext.Default.ServerMessage);
                if (message is not null)
                    result.Add(message);
            }
            catch (JsonException)
            {
                result.Add(new ServerMessage { Message = JsonSerializer.SerializeToElement(item, FrappeJsonContext.Default.String) });
            }
        }

        return result;
    }

    /// <summary>The human text of an error: the raised message(s) if any, else every non-alert message.</summary>
    public static string? HumanText(IReadOnlyList<ServerMessage> messages)
    {
        var raised = messages.Where(m => m.Raised).Select(m => StripHtml(m.Text)).Where(t => t.Length > 0).ToList();
        if (raised.Count > 0)
            return string.Join("; ", raised);
        var all = messages.Where(m => !m.IsAlert).Select(m => StripHtml(m.Text)).Where(t => t.Length > 0).ToList();
        if (all.Count == 0)
            all = messages.Select(m => StripHtml(m.Text)).Where(t => t.Length > 0).ToList();
        return all.Count == 0 ? null : string.Join("; ", all);
    }

    /// <summary>Removes tags, decodes entities and collapses whitespace.</summary>
    public static string StripHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
            return string.Empty;
        var noTags = TagPattern().Replace(html, string.Empty);
        var decoded = WebUtility.HtmlDecode(noTags);
        return SpacePattern().Replace(decoded, " ").Trim();
    }

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}
