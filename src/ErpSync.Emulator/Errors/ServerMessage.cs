using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Errors;

/// <summary>One <c>frappe.msgprint</c> entry of <c>_server_messages</c>.</summary>
internal sealed record ServerMessage(string Message, string Title = "Message", string? Indicator = null, bool RaiseException = false, bool Alert = false)
{
    /// <summary>The entry as Frappe serialises it (key order message, title, indicator, raise_exception, alert).</summary>
    public OrderedDictionary<string, object?> ToDict()
    {
        var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["message"] = Message,
            ["title"] = Title,
        };
        if (Indicator is not null)
            dict["indicator"] = Indicator;
        if (RaiseException)
            dict["raise_exception"] = 1L;
        if (Alert)
            dict["alert"] = 1L;
        return dict;
    }

    /// <summary><c>_server_messages</c>: a JSON list of JSON strings, Python's default separators.</summary>
    public static string Encode(IEnumerable<ServerMessage> messages) =>
        PyJson.Serialize(messages.Select(m => (object?)PyJson.Serialize(m.ToDict())).ToList());
}
