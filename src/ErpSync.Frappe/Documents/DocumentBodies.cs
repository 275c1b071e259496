using System.Text.Json.Nodes;

namespace ErpSync.Frappe.Documents;

/// <summary>Prepares documents for sending and normalises the documents the site returns.</summary>
internal static class DocumentBodies
{
    /// <summary>A copy of <paramref name="document"/> for an insert; the caller's object is never changed.</summary>
    public static JsonObject ForInsert(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = (JsonObject)document.DeepClone();
        body.Remove("__islocal");
        body.Remove("__unsaved");
        return body;
    }

    /// <summary>
    /// A PUT body: <paramref name="changes"/> without <c>modified</c> (the only <c>modified</c> sent is
    /// <paramref name="expectedModified"/>, so a timestamp copied from the other site can never trigger or defeat
    /// the check) and without <c>__islocal</c>/<c>__unsaved</c> (a truthy <c>__islocal</c> turns a save into an insert).
    /// </summary>
    public static JsonObject ForUpdate(JsonObject changes, string name, string? expectedModified)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var body = (JsonObject)changes.DeepClone();
        body.Remove("modified");
        body.Remove("__islocal");
        body.Remove("__unsaved");
        if (body["name"] is JsonNode bodyName && !(bodyName is JsonValue v && v.TryGetValue<string>(out var text) && text == name))
        {
            // Frappe assigns a body name to the loaded document before saving; a different one corrupts it.
            throw new ArgumentException($"The changes name the document \"{bodyName.ToJsonString()}\" but the update is for \"{name}\"; use RenameAsync to change a name.", nameof(changes));
        }

        if (expectedModified is not null)
            body["modified"] = expectedModified;
        return body;
    }

    /// <summary>
    /// Brings a returned document to the GET shape: null-valued keys removed (a missing key means null) and
    /// Frappe's transient <c>__unsaved</c>/<c>__islocal</c>-style flags dropped, on the parent and child rows.
    /// Values are left exactly as parsed.
    /// </summary>
    public static JsonObject Normalize(JsonObject document)
    {
        Clean(document);
        foreach (var (_, value) in document)
        {
            if (value is JsonArray rows)
            {
                foreach (var row in rows)
                {
                    if (row is JsonObject child)
                        Clean(child);
                }
            }
        }

        return document;
    }

    private static void Clean(JsonObject row)
    {
        List<string>? drop = null;
        foreach (var (key, value) in row)
        {
            if (value is null || key.StartsWith("__", StringComparison.Ordinal))
                (drop ??= []).Add(key);
        }

        if (drop is null)
            return;
        foreach (var key in drop)
            row.Remove(key);
    }
}
