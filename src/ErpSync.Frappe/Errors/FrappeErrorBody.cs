using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ErpSync.Frappe.Json;

namespace ErpSync.Frappe.Errors;

/// <summary>
/// The parts of a Frappe v1 error body the client uses. V14 omits <c>exc_type</c> for several errors
/// (DuplicateEntryError, MandatoryError, DocstatusTransitionError, AuthenticationError…), so the class name is
/// also read from the first line of <c>exception</c>.
/// </summary>
internal sealed partial record FrappeErrorBody(string? ExcType, string? Exception, IReadOnlyList<ServerMessage> Messages, string? ErrorMessage)
{
    public static readonly FrappeErrorBody Empty = new(null, null, [], null);

    /// <summary>The text of <c>exception</c> after its class name, e.g. <c>[Sync Order, SO-1]: customer</c>.</summary>
    public string? ExceptionText
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Exception))
                return null;
            var match = QualifiedName().Match(Exception);
            return match.Success ? Exception[match.Length..].TrimStart(':', ' ') : Exception.Trim();
        }
    }

    /// <summary>The decoded human message: raised server messages, else <c>_error_message</c>, else the exception text.</summary>
    public string? HumanMessage
    {
        get
        {
            var fromMessages = ServerMessages.HumanText(Messages);
            if (!string.IsNullOrEmpty(fromMessages))
                return fromMessages;
            if (!string.IsNullOrWhiteSpace(ErrorMessage))
                return ServerMessages.StripHtml(ErrorMessage);
            var text = ServerMessages.StripHtml(ExceptionText);
            return text.Length == 0 ? null : text;
        }
    }

    public static FrappeErrorBody From(JsonObject body)
    {
        var exception = StringOf(body["exception"]);
        var excType = StringOf(body["exc_type"]);
        if (string.IsNullOrWhiteSpace(excType))
            excType = ExcTypeFromException(exception);
        return new FrappeErrorBody(
            string.IsNullOrWhiteSpace(excType) ? null : excType.Trim(),
            exception,
            ServerMessages.Decode(StringOf(body["_server_messages"])),
            StringOf(body["_error_message"]));
    }

    /// <summary><c>frappe.exceptions.DuplicateEntryError: (...)</c> → <c>DuplicateEntryError</c>; <c>null</c> when no class is named.</summary>
    public static string? ExcTypeFromException(string? exception)
    {
        if (string.IsNullOrWhiteSpace(exception))
            return null;
        var match = QualifiedName().Match(exception);
        if (match.Success)
            return match.Groups["name"].Value;
        var bare = BareName().Match(exception);
        return bare.Success ? bare.Groups["name"].Value : null;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    // "frappe.exceptions.X: msg", "json.decoder.JSONDecodeError: msg"
    [GeneratedRegex(@"^\s*(?:[A-Za-z_]\w*\.)+(?<name>[A-Za-z_]\w*)(?=:|\s*$)")]
    private static partial Regex QualifiedName();

    // "TimestampMismatchError: msg" (never the bare word "Error", which Frappe prints for import failures)
    [GeneratedRegex(@"^\s*(?<name>[A-Z]\w*(?:Error|Exception))(?=:|\s*$)")]
    private static partial Regex BareName();
}
