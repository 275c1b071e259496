using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Validation;

/// <summary>
/// <c>Document._validate_links</c>: every Link and Dynamic Link on the document and its rows must name an
/// existing document (the stored value is replaced by the target's canonical name); <c>fetch_from</c> fields
/// are refreshed from the target. Like Frappe v14, a missing target of a link that has fetch_from dependants
/// is not reported.
/// </summary>
internal static class LinkValidator
{
    public static void Validate(DocContext ctx, DocTypeDef meta, Doc doc)
    {
        var invalid = new List<string>();
        var cancelled = new List<string>();
        Check(ctx, meta, doc, meta.IsSubmittable, invalid, cancelled);
        foreach (var (tableField, rows) in doc.Tables)
        {
            var childMeta = ctx.FindMeta(meta.Field(tableField)?.Options ?? string.Empty);
            if (childMeta is null)
                continue;
            foreach (var row in rows)
                Check(ctx, childMeta, row, meta.IsSubmittable, invalid, cancelled);
        }

        if (invalid.Count > 0)
            throw Fail.Throw($"Could not find {string.Join(", ", invalid)}", "LinkValidationError");
        if (cancelled.Count > 0)
            throw Fail.Throw($"Cannot link cancelled document: {string.Join(", ", cancelled)}", "CancelledLinkError");
    }

    private static void Check(DocContext ctx, DocTypeDef meta, Doc doc, bool parentSubmittable, List<string> invalid, List<string> cancelled)
    {
        foreach (var field in meta.DataFields.Where(f => f.IsLink || f.IsDynamicLink))
        {
            var value = doc.GetString(field.Fieldname);
            if (string.IsNullOrEmpty(value))
                continue;
            string target;
            if (field.IsLink)
            {
                target = field.Options ?? throw Fail.Throw($"Options not set for link field {field.Fieldname}");
            }
            else
            {
                target = doc.GetString(field.Options ?? string.Empty) ?? string.Empty;
                if (target.Length == 0)
                    throw Fail.Throw($"{meta.Label(field.Options ?? string.Empty)} must be set first");
            }

            var isRow = doc.Values.ContainsKey("parentfield");
            var message = isRow ? $"Row #{PyConvert.Cint(doc["idx"])}: {field.DisplayLabel}: {value}" : $"{field.DisplayLabel}: {value}";
            var toFetch = meta.DataFields.Where(f => f.FetchFrom is { } ff && ff.StartsWith(field.Fieldname + ".", StringComparison.Ordinal)
                                                     && (!f.FetchIfEmpty || !PyConvert.Truthy(doc[f.Fieldname]))).ToList();
            var targetMeta = ctx.FindMeta(target);
            var found = targetMeta switch
            {
                null => null,
                { IsSingle: true } => ctx.Tx.Get(target, target) ?? new Doc(target) { Name = target },
                _ => ctx.Tx.Get(target, value),
            };
            if (found is null)
            {
                if (toFetch.Count == 0)
                    invalid.Add(message);
                continue;
            }

            doc[field.Fieldname] = targetMeta!.IsSingle ? target : found.Name;
            var isNew = !ctx.Tx.Exists(doc.DocType, doc.Name) || doc.Unsaved;
            foreach (var fetched in toFetch)
            {
                if (isNew || doc.Docstatus != 1 || fetched.AllowOnSubmit)
                {
                    var sourceField = fetched.FetchFrom![(field.Fieldname.Length + 1)..];
                    doc[fetched.Fieldname] = ValueCoercer.Coerce(fetched, found[sourceField]);
                }
            }

            if (field.Fieldname != "amended_from" && parentSubmittable && targetMeta.IsSubmittable && found.Docstatus == 2)
                cancelled.Add(message);
        }
    }
}
