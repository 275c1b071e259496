using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Core.State;

namespace ErpSync.Cli.Conflicts;

/// <summary>
/// The field-level, side-by-side view of a conflict: the recorded cloud, local and base contents flattened to
/// field paths (child rows as <c>table[n].field</c>), keeping only the fields on which they do not all agree.
/// </summary>
internal static class ConflictDiff
{
    public static ConflictView Build(ConflictRecord conflict)
    {
        var cloud = Flatten(conflict.CloudData);
        var local = Flatten(conflict.LocalData);
        var baseline = Flatten(conflict.BaseData);
        var fields = cloud.Keys.Concat(local.Keys).Concat(baseline.Keys).Distinct(StringComparer.Ordinal);
        var differences = new List<FieldDifference>();
        var agreeing = 0;
        foreach (var field in fields)
        {
            var c = cloud.GetValueOrDefault(field);
            var l = local.GetValueOrDefault(field);
            var b = baseline.GetValueOrDefault(field);
            if (c == l && (conflict.BaseData is null || c == b))
            {
                agreeing++;
                continue;
            }

            var changedOn = conflict.BaseData is null
                ? "unknown"
                : (c != b, l != b) switch
                {
                    (true, true) => "both",
                    (true, false) => "cloud",
                    (false, true) => "local",
                    _ => "neither",
                };
            differences.Add(new FieldDifference(field, c, l, b, changedOn, IsConflicting(field, conflict.ConflictingFields)));
        }

        var ordered = differences.OrderByDescending(d => d.Conflict).ThenBy(d => d.Field, StringComparer.Ordinal).ToList();
        return new ConflictView(conflict, ordered, agreeing);
    }

    /// <summary>A conflicting field covers its child rows too: <c>items</c> covers <c>items[2].qty</c>, <c>items[ITEM-1]</c> the rows it names.</summary>
    private static bool IsConflicting(string field, IReadOnlyList<string> conflicting) =>
        conflicting.Any(c => field == c || field.StartsWith(c + "[", StringComparison.Ordinal) || field.StartsWith(c + ".", StringComparison.Ordinal)
                             || (c.Contains('[', StringComparison.Ordinal) && field.StartsWith(c[..c.IndexOf('[', StringComparison.Ordinal)] + "[", StringComparison.Ordinal)));

    private static Dictionary<string, string?> Flatten(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return values;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            values["(content)"] = json;
            return values;
        }

        if (root is JsonObject document) Add(values, "", document);
        return values;
    }

    private static void Add(Dictionary<string, string?> values, string prefix, JsonObject document)
    {
        foreach (var (key, value) in document)
        {
            var path = prefix + key;
            if (value is JsonArray rows && rows.Count > 0 && rows.All(r => r is JsonObject))
            {
                for (var i = 0; i < rows.Count; i++) Add(values, $"{path}[{i + 1}].", (JsonObject)rows[i]!);
                continue;
            }

            values[path] = Text(value);
        }
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
