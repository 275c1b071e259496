using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;

namespace ErpSync.Core.Merging;

/// <summary>
/// Row keys of a child table named by <c>key_fields</c>. The key text is the key values (strings as they are,
/// other values as canonical JSON) joined by <c>" | "</c>; a key that repeats within one table — the same item
/// on two lines of an order — gets <c>#2</c>, <c>#3</c>… by occurrence, so every row has a distinct key.
/// </summary>
internal static class RowKeys
{
    /// <summary>The key of every row of <paramref name="rows"/>, in order.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<JsonObject> rows, IReadOnlyList<string> keyFields)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>(rows.Count);
        foreach (var row in rows)
        {
            var key = string.Join(" | ", keyFields.Select(f => Text(row[f])));
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            keys.Add(occurrence == 1 ? key : $"{key}#{occurrence}");
        }

        return keys;
    }

    /// <summary>The rows of a canonical table value.</summary>
    public static IReadOnlyList<JsonObject> Rows(JsonNode? table) =>
        table is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => CanonicalJson.Serialize(value),
    };
}
