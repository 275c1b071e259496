using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Naming;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Documents;

/// <summary>
/// <c>frappe.rename_doc</c>: renames the document and rewrites every Link and Dynamic Link to it with direct
/// updates, so neither the renamed document nor the referring ones change <c>modified</c>; no webhook, no
/// Deleted Document, just an "Edit" Comment. A merge deletes the old document into the existing one.
/// </summary>
internal static class DocumentRenamer
{
    /// <summary>Returns the new name, or null when old and new are the same.</summary>
    public static string? Rename(DocContext ctx, string doctype, string oldName, string newName, bool merge)
    {
        var meta = ctx.Meta(doctype);
        var stored = ctx.Tx.Get(doctype, oldName) ?? throw Fail.DocNotFound(doctype, oldName);
        if (string.Equals(stored.Name, newName, StringComparison.Ordinal))
            return null;
        newName = NamingService.ValidateName(meta, newName);
        if (!meta.AllowRename)
            throw Fail.Throw($"{doctype} not allowed to be renamed");
        var existing = ctx.Tx.Get(doctype, newName);
        if (merge && existing is null)
            throw Fail.Throw($"{doctype} {newName} does not exist, select a new target to merge");
        if (!merge && existing is not null && !NameKey.Equal(existing.Name, stored.Name))
            throw Fail.Throw($"Another {doctype} with name {newName} exists, select another name");

        if (merge)
        {
            RewriteLinks(ctx, doctype, stored.Name, existing!.Name);
            DocumentDeleter.Delete(ctx, doctype, stored.Name, fireEvents: false);
            newName = existing.Name;
        }
        else
        {
            var renamed = stored.Clone();
            renamed.Name = newName;
            foreach (var row in renamed.AllChildren())
                row["parent"] = newName;
            var autoname = meta.Autoname ?? string.Empty;
            if (autoname.StartsWith("field:", StringComparison.OrdinalIgnoreCase) && meta.Field(autoname[6..].Trim()) is { } nameField)
                renamed[nameField.Fieldname] = newName;
            ctx.Tx.Put(renamed, previousName: stored.Name);
            RewriteLinks(ctx, doctype, stored.Name, newName);
            var from = stored.Name;
            var to = newName;
            ctx.Tx.AfterCommit(() => ctx.Site.Db.RenamePasswords(doctype, from, to));
        }

        foreach (var version in ctx.Tx.Scan("Version").Where(v => v.GetString("ref_doctype") == doctype && NameKey.Equal(v.GetString("docname"), stored.Name)).ToList())
        {
            var copy = version.Clone();
            copy["docname"] = newName;
            ctx.Tx.Put(copy);
        }

        SystemRecords.Insert(ctx, "Comment", new Dictionary<string, object?>
        {
            ["comment_type"] = "Edit",
            ["reference_doctype"] = doctype,
            ["reference_name"] = newName,
            ["content"] = $"renamed from <strong>{stored.Name}</strong> to <strong>{newName}</strong>",
            ["comment_email"] = ctx.User,
        });
        ctx.Messages.Add(new ServerMessage($"Document renamed from <strong>{stored.Name}</strong> to <strong>{newName}</strong>", "Message", "green", Alert: true));
        return newName;
    }

    private static void RewriteLinks(DocContext ctx, string doctype, string oldName, string newName)
    {
        var referrers = BackLinks.Referrers(ctx, doctype, oldName)
            .Concat(BackLinks.DynamicReferrers(ctx, doctype, oldName))
            .ToList();
        foreach (var group in referrers.GroupBy(r => (r.Parent.DocType, Key: NameKey.Of(r.Parent.Name))))
        {
            var parent = ctx.Tx.Get(group.Key.DocType, group.First().Parent.Name)!;
            var copy = parent.Clone();
            foreach (var (original, holder, field) in group)
            {
                var target = ReferenceEquals(original, holder)
                    ? copy
                    : copy.AllChildren().First(r => r.DocType == holder.DocType && r.Name == holder.Name);
                target[field.Fieldname] = newName;
            }

            ctx.Tx.Put(copy);
        }
    }
}
