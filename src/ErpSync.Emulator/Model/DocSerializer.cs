using ErpSync.Emulator.Meta;

namespace ErpSync.Emulator.Model;

/// <summary>
/// Frappe's <c>as_dict</c> for documents: key order name, owner, creation, modified, modified_by, docstatus,
/// idx, the DocType's fields, (parent, parentfield, parenttype for rows), doctype, then child tables.
/// </summary>
internal static class DocSerializer
{
    /// <param name="doc">The document.</param>
    /// <param name="metas">Metadata lookup.</param>
    /// <param name="includeNulls"><c>as_dict()</c> (POST responses, frappe.client) when true; <c>no_nulls</c> (GET, PUT) otherwise.</param>
    /// <param name="markUnsaved">Add <c>"__unsaved": 1</c> to rows created by this request.</param>
    public static OrderedDictionary<string, object?> ToDict(Doc doc, Func<string, DocTypeDef?> metas, bool includeNulls, bool markUnsaved = false)
    {
        var meta = metas(doc.DocType);
        var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);

        void Add(string key, object? value)
        {
            if (value is not null || includeNulls)
                dict[key] = value;
        }

        if (meta?.IsSingle == true)
        {
            Add("name", doc.DocType);
            Add("owner", doc["owner"]);
            Add("modified", doc["modified"]);
            Add("modified_by", doc["modified_by"]);
            Add("docstatus", 0L);
            // Singles live in tabSingles as text, so idx comes back as a string.
            Add("idx", "0");
        }
        else
        {
            Add("name", meta?.IsAutoincrement == true && long.TryParse(doc.Name, out var n) ? n : doc["name"]);
            foreach (var key in FieldTypes.StandardFields.AsSpan(1))
                Add(key, doc[key]);
        }

        if (meta is not null)
        {
            foreach (var field in meta.DataFields)
                Add(field.Fieldname, doc[field.Fieldname]);
        }

        if (meta?.IsTable == true || doc.Values.ContainsKey("parent"))
        {
            foreach (var key in FieldTypes.ChildFields)
                Add(key, doc[key]);
        }

        dict["doctype"] = doc.DocType;
        if (meta is not null)
        {
            foreach (var table in meta.TableFields)
            {
                var rows = doc.Tables.GetValueOrDefault(table.Fieldname) ?? [];
                dict[table.Fieldname] = rows.Select(r => (object?)ToDict(r, metas, includeNulls, markUnsaved)).ToList();
            }
        }

        if (markUnsaved && doc.Unsaved)
            dict["__unsaved"] = 1L;
        return dict;
    }
}
