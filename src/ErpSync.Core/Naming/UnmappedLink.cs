using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Core.Naming;

/// <summary>
/// The canonical value of a local Link whose cloud counterpart is not known: <c>{"$local": "NAME"}</c>.
/// It never equals a cloud name — with <c>mapped</c> naming both sites may hold an unrelated
/// <c>SO-2026-00001</c> — so an unmapped link always shows up as a difference, and it still carries the local
/// name so the value can be written back to the local site or translated once the pair exists.
/// </summary>
internal static class UnmappedLink
{
    /// <summary>The marker's only key.</summary>
    public const string Key = "$local";

    /// <summary>A marker for local name <paramref name="localName"/>.</summary>
    public static JsonObject Create(string localName) => new() { [Key] = localName };

    /// <summary>Whether <paramref name="value"/> is a marker; <paramref name="localName"/> is the local name it holds.</summary>
    public static bool TryRead(JsonNode? value, out string localName)
    {
        localName = "";
        if (value is not JsonObject obj || obj.Count != 1 || obj[Key] is not JsonValue inner || inner.GetValueKind() != JsonValueKind.String)
            return false;
        localName = inner.GetValue<string>();
        return true;
    }
}
