using System.Text.Json.Serialization;

namespace ErpSync.Frappe.Json;

/// <summary>Source-generated serializers for the small envelopes decoded on every error.</summary>
[JsonSerializable(typeof(ServerMessage))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(string))]
internal sealed partial class FrappeJsonContext : JsonSerializerContext;
