using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Merging;

/// <summary>
/// Three-way merge of canonical documents against the base snapshot. A field changed on one side only is taken
/// from that side; changed on both to the same value is fine; changed on both to different values is a
/// conflict. A child table is one field unless <c>key_fields</c> names a row key for it; then rows merge by key
/// (see <see cref="TableMerger"/>). Without a base (a pair first seen on both sites) every difference is a
/// conflict. Symmetric: swapping cloud and local (and the preferred side) gives the same result.
/// </summary>
internal static class FieldMerger
{
    /// <summary>
    /// Merges <paramref name="cloud"/> and <paramref name="local"/> against <paramref name="baseDocument"/>;
    /// conflicting values come from <paramref name="prefer"/> when given (it also places rows both sides inserted
    /// at the same spot: the preferred side's first).
    /// </summary>
    public static MergeResult Merge(CanonicalDocument? baseDocument, CanonicalDocument cloud, CanonicalDocument local, ContentRules rules, SiteName? prefer = null)
    {
        var merged = new JsonObject();
        var conflicts = new List<FieldConflict>();
        var fields = cloud.Fields.Union(local.Fields).Union(baseDocument?.Fields ?? []).Distinct().Order(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var b = baseDocument?[field];
            var c = cloud[field];
            var l = local[field];
            JsonNode? value;
            if (rules.KeyOf(field) is { } keyFields && (c is JsonArray || l is JsonArray))
                value = TableMerger.Merge(field, baseDocument is null ? null : RowKeys.Rows(b), RowKeys.Rows(c), RowKeys.Rows(l), keyFields, prefer, conflicts);
            else
                value = Value(field, baseDocument is not null, b, c, l, prefer, conflicts);

            if (value is not null)
                merged[field] = value;
        }

        conflicts.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
        return new MergeResult(merged, conflicts);
    }

    /// <summary>Three-way merge of one value; records a conflict and returns the preferred (or base) value when both changed.</summary>
    public static JsonNode? Value(string path, bool hasBase, JsonNode? b, JsonNode? c, JsonNode? l, SiteName? prefer, List<FieldConflict> conflicts)
    {
        if (CanonicalJson.ValueEquals(c, l))
            return c?.DeepClone();
        if (hasBase && CanonicalJson.ValueEquals(c, b))
            return l?.DeepClone();
        if (hasBase && CanonicalJson.ValueEquals(l, b))
            return c?.DeepClone();

        conflicts.Add(new FieldConflict(path, b?.DeepClone(), c?.DeepClone(), l?.DeepClone()));
        return prefer switch
        {
            SiteName.Cloud => c?.DeepClone(),
            SiteName.Local => l?.DeepClone(),
            _ => b?.DeepClone(),
        };
    }
}
