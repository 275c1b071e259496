using ErpSync.Emulator.Model;
using ErpSync.Emulator.Naming;

namespace ErpSync.Emulator.Documents;

/// <summary>
/// Rows Frappe writes with a raw <c>db_insert</c> (Deleted Document, Comment, Version, Webhook Request Log):
/// hash-named, stamped, no validation, no events, no webhooks.
/// </summary>
internal static class SystemRecords
{
    public static Doc Insert(DocContext ctx, string doctype, IReadOnlyDictionary<string, object?> values)
    {
        var meta = ctx.Meta(doctype);
        var doc = new Doc(doctype)
        {
            Name = HashNames.New(ctx.Site.Clock.TimeProvider),
        };
        doc["owner"] = values.GetValueOrDefault("owner") ?? ctx.User;
        doc["creation"] = ctx.Now;
        doc["modified"] = ctx.Now;
        doc["modified_by"] = ctx.User;
        doc["docstatus"] = 0L;
        doc["idx"] = 0L;
        foreach (var field in meta.DataFields)
        {
            var raw = values.TryGetValue(field.Fieldname, out var v) ? v : (field.Default is { Length: > 0 } d ? d : null);
            doc[field.Fieldname] = ValueCoercer.Coerce(field, raw);
        }

        ctx.Tx.Put(doc);
        return doc;
    }
}
