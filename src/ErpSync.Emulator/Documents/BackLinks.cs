using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Documents;

/// <summary>
/// <c>check_if_doc_is_linked</c> and <c>check_if_doc_is_dynamically_linked</c>: a document cannot be deleted
/// while a draft or submitted document links to it, nor cancelled while a submitted one does
/// (417 LinkExistsError).
/// </summary>
internal static class BackLinks
{
    // Frappe's doctypes_to_skip, plus the log DocTypes that would otherwise pin webhooks and renamed records.
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "Communication", "ToDo", "DocShare", "Email Unsubscribe", "Activity Log", "File", "Version", "Document Follow",
        "Comment", "View Log", "Webhook Request Log", "Deleted Document",
    };

    public static void CheckDelete(DocContext ctx, DocTypeDef meta, Doc doc) => Check(ctx, meta, doc, cancel: false);

    public static void CheckCancel(DocContext ctx, DocTypeDef meta, Doc doc) => Check(ctx, meta, doc, cancel: true);

    /// <summary>Every (document, row) holding a Link to <paramref name="doctype"/> <paramref name="name"/>.</summary>
    public static IEnumerable<(Doc Parent, Doc Holder, FieldDef Field)> Referrers(DocContext ctx, string doctype, string name)
    {
        foreach (var link in ctx.Site.Metas.LinksTo(doctype))
        {
            foreach (var (parent, holder) in Holders(ctx, link.DocType))
            {
                if (holder[link.Field.Fieldname] is string value && NameKey.Equal(value, name))
                    yield return (parent, holder, link.Field);
            }
        }
    }

    /// <summary>Every Dynamic Link value pointing at <paramref name="doctype"/> <paramref name="name"/>.</summary>
    public static IEnumerable<(Doc Parent, Doc Holder, FieldDef Field)> DynamicReferrers(DocContext ctx, string doctype, string name)
    {
        foreach (var link in ctx.Site.Metas.DynamicLinks())
        {
            foreach (var (parent, holder) in Holders(ctx, link.DocType))
            {
                if (holder[link.Field.Options!] is string dt && dt == doctype
                    && holder[link.Field.Fieldname] is string value && NameKey.Equal(value, name))
                    yield return (parent, holder, link.Field);
            }
        }
    }

    private static IEnumerable<(Doc Parent, Doc Holder)> Holders(DocContext ctx, DocTypeDef holderMeta)
    {
        if (!holderMeta.IsTable)
        {
            foreach (var doc in ctx.Tx.Scan(holderMeta.Name))
                yield return (doc, doc);
            yield break;
        }

        foreach (var parentMeta in ctx.Site.Metas.All.Where(m => m.TableFields.Any(t => t.Options == holderMeta.Name)))
        {
            foreach (var parent in ctx.Tx.Scan(parentMeta.Name))
            {
                foreach (var row in parent.AllChildren().Where(r => r.DocType == holderMeta.Name))
                    yield return (parent, row);
            }
        }
    }

    private static void Check(DocContext ctx, DocTypeDef meta, Doc doc, bool cancel)
    {
        if (meta.Name == "DocType")
            return;
        foreach (var (parent, holder, field) in Referrers(ctx, meta.Name, doc.Name).Concat(DynamicReferrers(ctx, meta.Name, doc.Name)))
        {
            if (Skipped.Contains(parent.DocType))
                continue;
            var status = parent.Docstatus;
            if (cancel ? status != 1 : status == 2)
                continue;
            if (parent.DocType == meta.Name && NameKey.Equal(parent.Name, doc.Name))
                continue;
            var row = field.IsDynamicLink && !ReferenceEquals(parent, holder) ? $"at Row: {PyConvert.Cint(holder["idx"])}" : string.Empty;
            var docLink = $"<a href=\"/app/Form/{meta.Name}/{doc.Name}\">{doc.Name}</a>";
            var refLink = $"<a href=\"/app/Form/{parent.DocType}/{parent.Name}\">{parent.Name}</a>";
            throw Fail.Throw($"Cannot delete or cancel because {meta.Name} {docLink} is linked with {parent.DocType} {refLink} {row}", "LinkExistsError");
        }
    }
}
