using System.Text.Json.Nodes;

namespace ErpSync.Frappe.Http;

/// <summary>A successful (2xx) answer with its parsed JSON body (<c>null</c> when empty).</summary>
internal sealed record FrappeResponse(int Status, JsonNode? Body)
{
    /// <summary><c>data</c> of a resource answer.</summary>
    public JsonNode? Data => (Body as JsonObject)?["data"];

    /// <summary><c>message</c> of a method answer.</summary>
    public JsonNode? Message => (Body as JsonObject)?["message"];
}
