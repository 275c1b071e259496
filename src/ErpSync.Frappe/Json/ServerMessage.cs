using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpSync.Frappe.Json;

/// <summary>One entry of Frappe's <c>_server_messages</c> (each is itself a JSON string).</summary>
internal sealed record ServerMessage
{
    [JsonPropertyName("message")]
    public JsonElement Message { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("indicator")]
    public string? Indicator { get; init; }

    [JsonPropertyName("raise_exception")]
    public JsonElement RaiseException { get; init; }

    [JsonPropertyName("alert")]
    public JsonElement Alert { get; init; }

    public string? Text => Message.ValueKind switch
    {
        JsonValueKind.String => Message.GetString(),
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => Message.GetRawText(),
    };

    public bool Raised => RaiseException.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => RaiseException.TryGetInt32(out var n) && n != 0,
        JsonValueKind.String => !string.IsNullOrEmpty(RaiseException.GetString()) && RaiseException.GetString() != "0",
        _ => false,
    };

    public bool IsAlert => Alert.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => Alert.TryGetInt32(out var n) && n != 0,
        _ => false,
    };
}
