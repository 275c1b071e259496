using System.Text.Json.Nodes;

namespace ErpSync.Core.Tests.Fixtures;

/// <summary>
/// A hand-written model of Frappe's PUT merge (transcripts 12 and 13): body keys replace parent fields, a child
/// table key replaces the whole table; a row with a known name keeps it (updated only from the keys sent), a row
/// without a name gets a fresh one, an unknown row name is silently lost.
/// </summary>
internal static class FrappePut
{
    public static JsonObject Apply(JsonObject document, JsonObject body)
    {
        var result = (JsonObject)document.DeepClone();
        var fresh = 0;
        foreach (var (key, value) in body)
        {
            if (value is not JsonArray rows)
            {
                result[key] = value?.DeepClone();
                continue;
            }

            var existing = (document[key] as JsonArray)?.OfType<JsonObject>().Select(r => r["name"]?.GetValue<string>()).ToHashSet() ?? [];
            var table = new JsonArray();
            var idx = 1;
            foreach (var row in rows.OfType<JsonObject>())
            {
                var name = row["name"]?.GetValue<string>();
                if (name is not null && !existing.Contains(name))
                    continue; // Frappe's UPDATE hits no row: the row is lost
                var stored = new JsonObject();
                foreach (var (field, fieldValue) in row)
                    stored[field] = fieldValue?.DeepClone();
                stored["name"] = name ?? $"new{++fresh}";
                stored["idx"] = idx++;
                table.Add(stored);
            }

            result[key] = table;
        }

        return result;
    }
}
