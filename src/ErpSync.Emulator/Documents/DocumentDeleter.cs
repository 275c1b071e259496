using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Naming;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Documents;

/// <summary>
/// <c>frappe.delete_doc</c>: refuses submitted and referenced documents, fires on_trash, gives the naming
/// series number back when it was the newest, and records the full last JSON in a Deleted Document row.
/// </summary>
internal static class DocumentDeleter
{
    private const string SubmittedHelp =
        "You must <a href='https://docs.erpnext.com//docs/user/manual/en/setting-up/articles/delete-submitted-document' target='_blank'> Cancel </a> it first.";

    public static void Delete(DocContext ctx, string doctype, string name, bool fireEvents = true, bool recordDeletion = true)
    {
        var meta = ctx.FindMeta(doctype)
                   ?? throw Fail.Server($"pymysql.err.ProgrammingError: (1146, \"Table '{ctx.Site.Options.SiteName}.tab{doctype}' doesn't exist\")");
        var stored = (meta.IsSingle ? ctx.Tx.Get(doctype, doctype) : ctx.Tx.Get(doctype, name)) ?? throw Fail.NotFoundEmpty();
        if (stored.Docstatus == 1)
            throw Fail.MsgprintRaise($"{doctype} {stored.Name}: Submitted Record cannot be deleted. {SubmittedHelp}");
        if (fireEvents)
        {
            ctx.Site.Controllers.For(doctype).OnTrash(ctx, stored);
            ctx.Raise(stored, "on_trash", inInsert: false);
            ctx.Raise(stored, "on_change", inInsert: false);
            BackLinks.CheckDelete(ctx, meta, stored);
            RevertSeries(ctx, meta, stored);
        }

        ctx.Tx.Delete(doctype, stored.Name);
        var deletedName = stored.Name;
        ctx.Tx.AfterCommit(() =>
        {
            foreach (var field in meta.DataFields.Where(f => f.IsPassword))
                ctx.Site.Db.SetPassword(doctype, deletedName, field.Fieldname, null);
        });
        if (!recordDeletion)
            return;
        RemoveReferences(ctx, doctype, stored.Name);
        if (doctype != "Deleted Document")
        {
            SystemRecords.Insert(ctx, "Deleted Document", new Dictionary<string, object?>
            {
                ["deleted_doctype"] = doctype,
                ["deleted_name"] = stored.Name,
                ["data"] = PyJson.Serialize(DocSerializer.ToDict(stored, ctx.Site.MetaLookup, includeNulls: true), PyJsonStyle.Pretty),
                ["restored"] = 0L,
            });
            SystemRecords.Insert(ctx, "Comment", new Dictionary<string, object?>
            {
                ["comment_type"] = "Deleted",
                ["reference_doctype"] = doctype,
                ["subject"] = $"{doctype} {stored.Name}",
                ["comment_email"] = ctx.User,
            });
        }
    }

    /// <summary><c>update_naming_series</c> → <c>revert_series_if_last</c>.</summary>
    private static void RevertSeries(DocContext ctx, DocTypeDef meta, Doc doc)
    {
        var autoname = meta.Autoname ?? string.Empty;
        if (autoname.Length == 0)
            return;
        var today = ctx.Site.Clock.Now();
        if (autoname.StartsWith("naming_series:", StringComparison.Ordinal))
        {
            if (doc.GetString("naming_series") is { Length: > 0 } series)
                SeriesParser.RevertIfLast(series, doc.Name, doc, today, ctx.Tx);
        }
        else if (autoname.Split(':')[0] is not ("Prompt" or "prompt" or "field" or "hash" or "autoincrement"))
        {
            SeriesParser.RevertIfLast(autoname, doc.Name, doc, today, ctx.Tx);
        }
    }

    /// <summary><c>delete_dynamic_links</c>: Comments and Versions of the deleted document go with it.</summary>
    private static void RemoveReferences(DocContext ctx, string doctype, string name)
    {
        foreach (var comment in ctx.Tx.Scan("Comment").Where(c => c.GetString("reference_doctype") == doctype && NameKey.Equal(c.GetString("reference_name"), name)).ToList())
            ctx.Tx.Delete("Comment", comment.Name);
        foreach (var version in ctx.Tx.Scan("Version").Where(v => v.GetString("ref_doctype") == doctype && NameKey.Equal(v.GetString("docname"), name)).ToList())
            ctx.Tx.Delete("Version", version.Name);
    }
}
