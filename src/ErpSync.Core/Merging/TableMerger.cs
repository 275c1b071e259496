using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Merging;

/// <summary>
/// Merges a keyed child table row by row. Per key: a row added, removed or changed on one side only follows
/// that side; a row changed on both sides merges field by field (conflicts on <c>table[key].field</c>); a row
/// removed on one side and changed on the other, or added on both with different content when there is no base
/// row to merge against field by field, is a conflict on <c>table[key]</c>.
/// Order: the side that reordered rows sets the order (both reordering differently is a <c>table(order)</c>
/// conflict); otherwise the preferred side (cloud by default). Rows the other side inserted go after the row
/// that precedes them on that side, behind rows the leading side inserted at the same spot.
/// </summary>
internal static class TableMerger
{
    /// <summary>Merges one table; <paramref name="baseRows"/> is <c>null</c> when the pair has no base.</summary>
    public static JsonArray Merge(
        string table,
        IReadOnlyList<JsonObject>? baseRows,
        IReadOnlyList<JsonObject> cloudRows,
        IReadOnlyList<JsonObject> localRows,
        IReadOnlyList<string> keyFields,
        SiteName? prefer,
        List<FieldConflict> conflicts)
    {
        var hasBase = baseRows is not null;
        var baseKeys = RowKeys.Of(baseRows ?? [], keyFields);
        var cloudKeys = RowKeys.Of(cloudRows, keyFields);
        var localKeys = RowKeys.Of(localRows, keyFields);
        var b = ToMap(baseKeys, baseRows ?? []);
        var c = ToMap(cloudKeys, cloudRows);
        var l = ToMap(localKeys, localRows);

        var rows = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var key in cloudKeys.Union(localKeys).Distinct())
        {
            var merged = Row(table, key, hasBase, b.GetValueOrDefault(key), c.GetValueOrDefault(key), l.GetValueOrDefault(key), prefer, conflicts);
            if (merged is not null)
                rows[key] = merged;
        }

        var order = Order(table, baseKeys, cloudKeys, localKeys, prefer ?? SiteName.Cloud, conflicts);
        var result = new JsonArray();
        foreach (var key in order.Where(rows.ContainsKey))
            result.Add(rows[key]);
        return result;
    }

    private static JsonObject? Row(string table, string key, bool hasBase, JsonObject? b, JsonObject? c, JsonObject? l, SiteName? prefer, List<FieldConflict> conflicts)
    {
        if (CanonicalJson.ValueEquals(c, l))
            return (JsonObject?)c?.DeepClone();
        if (hasBase && CanonicalJson.ValueEquals(c, b))
            return (JsonObject?)l?.DeepClone();
        if (hasBase && CanonicalJson.ValueEquals(l, b))
            return (JsonObject?)c?.DeepClone();

        var path = $"{table}[{key}]";
        if (c is null || l is null)
            return (JsonObject?)FieldMerger.Value(path, hasBase, b, c, l, prefer, conflicts);

        // Both sides hold the row: merge its fields, against the base row when there is one.
        var rowHasBase = b is not null;
        var row = new JsonObject();
        var fields = c.Select(p => p.Key).Union(l.Select(p => p.Key)).Union(b?.Select(p => p.Key) ?? []).Distinct().Order(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var value = FieldMerger.Value($"{path}.{field}", rowHasBase, b?[field], c[field], l[field], prefer, conflicts);
            if (value is not null)
                row[field] = value;
        }

        return row;
    }

    private static List<string> Order(string table, IReadOnlyList<string> baseKeys, IReadOnlyList<string> cloudKeys, IReadOnlyList<string> localKeys, SiteName prefer, List<FieldConflict> conflicts)
    {
        var cloudReordered = Reordered(baseKeys, cloudKeys);
        var localReordered = Reordered(baseKeys, localKeys);
        if (cloudReordered && localReordered)
        {
            var common = baseKeys.Intersect(cloudKeys).Intersect(localKeys).ToHashSet(StringComparer.Ordinal);
            var cloudOrder = cloudKeys.Where(common.Contains).ToList();
            var localOrder = localKeys.Where(common.Contains).ToList();
            if (!cloudOrder.SequenceEqual(localOrder, StringComparer.Ordinal))
            {
                conflicts.Add(new FieldConflict(
                    $"{table}(order)",
                    new JsonArray(baseKeys.Where(common.Contains).Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                    new JsonArray(cloudOrder.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                    new JsonArray(localOrder.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray())));
            }
        }

        var cloudLeads = cloudReordered != localReordered ? cloudReordered : prefer == SiteName.Cloud;
        return cloudLeads ? Interleave(cloudKeys, localKeys) : Interleave(localKeys, cloudKeys);
    }

    private static bool Reordered(IReadOnlyList<string> baseKeys, IReadOnlyList<string> sideKeys)
    {
        var common = baseKeys.Intersect(sideKeys).ToHashSet(StringComparer.Ordinal);
        return !baseKeys.Where(common.Contains).SequenceEqual(sideKeys.Where(common.Contains), StringComparer.Ordinal);
    }

    private static List<string> Interleave(IReadOnlyList<string> leading, IReadOnlyList<string> following)
    {
        var result = leading.ToList();
        var inFollowing = following.ToHashSet(StringComparer.Ordinal);
        var present = leading.ToHashSet(StringComparer.Ordinal);
        var anchor = -1;
        foreach (var key in following)
        {
            if (present.Contains(key))
            {
                anchor = result.IndexOf(key);
                continue;
            }

            // Rows only the leading side has (its own insertions) stay ahead of the following side's insertions.
            var position = anchor + 1;
            while (position < result.Count && !inFollowing.Contains(result[position]))
                position++;
            result.Insert(position, key);
            present.Add(key);
            anchor = position;
        }

        return result;
    }

    private static Dictionary<string, JsonObject> ToMap(IReadOnlyList<string> keys, IReadOnlyList<JsonObject> rows)
    {
        var map = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
            map[keys[i]] = rows[i];
        return map;
    }
}
