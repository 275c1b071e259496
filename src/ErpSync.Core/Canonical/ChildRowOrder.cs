using System.Text.Json.Nodes;

namespace ErpSync.Core.Canonical;

/// <summary>The order of child rows: by <c>idx</c> when every row has one (stable), else as listed.</summary>
internal static class ChildRowOrder
{
    /// <summary>The object rows of <paramref name="table"/> in document order; non-object entries are skipped.</summary>
    public static IReadOnlyList<JsonObject> Sort(JsonNode? table)
    {
        if (table is not JsonArray array)
            return [];
        var rows = array.OfType<JsonObject>().ToList();
        var indexes = new decimal[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (!CanonicalJson.TryReadDecimal(rows[i]["idx"], out indexes[i]))
                return rows;
        }

        return rows.Select((row, position) => (row, position))
            .OrderBy(p => indexes[p.position])
            .ThenBy(p => p.position)
            .Select(p => p.row)
            .ToList();
    }
}
