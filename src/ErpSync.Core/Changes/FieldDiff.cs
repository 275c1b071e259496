using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Merging;

namespace ErpSync.Core.Changes;

/// <summary>
/// The readable field diff stored in <c>sync_logs.changes_json</c>: <c>{"field": [old, new], …}</c>; a child table
/// is summarised as <c>{"rows": [before, after], "added": …, "removed": …, "changed": …}</c> — row keys for keyed
/// tables, counts otherwise. A create diffs against nothing (<c>[null, value]</c>), a delete against nothing after.
/// </summary>
internal static class FieldDiff
{
    /// <summary>The differences from <paramref name="before"/> to <paramref name="after"/> (either may be <c>null</c>).</summary>
    public static JsonObject Compute(CanonicalDocument? before, CanonicalDocument? after, ContentRules rules)
    {
        var diff = new JsonObject();
        var fields = (before?.Fields ?? []).Union(after?.Fields ?? []).Distinct().Order(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var old = before?[field];
            var now = after?[field];
            if (CanonicalJson.ValueEquals(old, now))
                continue;
            diff[field] = old is JsonArray || now is JsonArray
                ? Table(RowKeys.Rows(old), RowKeys.Rows(now), rules.KeyOf(field))
                : new JsonArray(old, now);
        }

        return diff;
    }

    /// <summary><see cref="Compute"/> as canonical JSON text.</summary>
    public static string ToJson(CanonicalDocument? before, CanonicalDocument? after, ContentRules rules) =>
        CanonicalJson.Serialize(Compute(before, after, rules));

    private static JsonObject Table(IReadOnlyList<JsonObject> before, IReadOnlyList<JsonObject> after, IReadOnlyList<string>? keyFields)
    {
        var match = RowMatcher.Match(after, before, keyFields);
        var matchedBefore = match.Where(j => j >= 0).ToHashSet();
        var added = Enumerable.Range(0, after.Count).Where(i => match[i] < 0).ToList();
        var removed = Enumerable.Range(0, before.Count).Where(j => !matchedBefore.Contains(j)).ToList();
        var changed = Enumerable.Range(0, after.Count).Where(i => match[i] >= 0 && !CanonicalJson.ValueEquals(after[i], before[match[i]])).ToList();
        var summary = new JsonObject { ["rows"] = new JsonArray(before.Count, after.Count) };
        if (keyFields is null)
        {
            summary["added"] = added.Count;
            summary["removed"] = removed.Count;
            summary["changed"] = changed.Count;
            return summary;
        }

        var afterKeys = RowKeys.Of(after, keyFields);
        var beforeKeys = RowKeys.Of(before, keyFields);
        summary["added"] = Keys(added.Select(i => afterKeys[i]));
        summary["removed"] = Keys(removed.Select(j => beforeKeys[j]));
        summary["changed"] = Keys(changed.Select(i => afterKeys[i]));
        return summary;
    }

    private static JsonArray Keys(IEnumerable<string> keys) => new(keys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray());
}
