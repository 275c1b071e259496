using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Naming;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Meta;

/// <summary>
/// Master records a fresh site starts with (users, System Settings, ERPNext's default groups…), written
/// directly like Frappe's install fixtures: no validation, no events, no webhooks.
/// </summary>
internal static class Fixtures
{
    public static void Insert(DocContext ctx, string doctype, OrderedDictionary<string, object?> values)
    {
        var meta = ctx.Meta(doctype);
        var doc = DocumentBuilder.ForInsert(ctx, meta, values);
        var name = PyConvert.Cstr(values.GetValueOrDefault("name"));
        if (name.Length == 0 && meta.Autoname is { } autoname && autoname.StartsWith("field:", StringComparison.Ordinal))
            name = PyConvert.Cstr(doc[autoname[6..]]);
        doc.Name = meta.IsSingle ? doctype : name.Length > 0 ? name : HashNames.New(ctx.Site.Clock.TimeProvider);
        doc["owner"] = "Administrator";
        doc["modified_by"] = "Administrator";
        doc["creation"] = ctx.Now;
        doc["modified"] = ctx.Now;
        doc["docstatus"] = 0L;
        doc["idx"] = 0L;
        foreach (var (field, rows) in doc.Tables)
        {
            foreach (var row in rows)
            {
                row.Name = HashNames.New(ctx.Site.Clock.TimeProvider);
                row.Unsaved = false;
                row["parent"] = doc.Name;
                row["parentfield"] = field;
                row["parenttype"] = doctype;
                row["owner"] = "Administrator";
                row["modified_by"] = "Administrator";
                row["creation"] = ctx.Now;
                row["modified"] = ctx.Now;
                row["docstatus"] = 0L;
            }
        }

        ctx.Tx.Put(doc);
    }

    /// <summary>Convenience for code-defined fixtures: alternating key/value pairs.</summary>
    public static void Insert(DocContext ctx, string doctype, params object?[] keyValues)
    {
        var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < keyValues.Length; i += 2)
            dict[(string)keyValues[i]!] = keyValues[i + 1];
        Insert(ctx, doctype, dict);
    }
}
