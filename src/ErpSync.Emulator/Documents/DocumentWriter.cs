using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Naming;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;
using ErpSync.Emulator.Validation;

namespace ErpSync.Emulator.Documents;

/// <summary>
/// <c>Document.insert()</c> and <c>Document.save()</c> of Frappe v14, in its order: timestamps, docstatus
/// transition, links, naming, controller validation, mandatory and value checks, unique keys, post-save
/// controller hooks and events. Returns the in-memory document the request answers with.
/// </summary>
internal static class DocumentWriter
{
    public static Doc Insert(DocContext ctx, string doctype, OrderedDictionary<string, object?> data)
    {
        var meta = ctx.Meta(doctype);
        if (meta.IsSingle)
            return Update(ctx, doctype, doctype, data);
        var doc = DocumentBuilder.ForInsert(ctx, meta, data);
        doc["owner"] = ctx.User;
        doc["creation"] = ctx.Now;
        doc["modified"] = ctx.Now;
        doc["modified_by"] = ctx.User;
        doc["idx"] = PyConvert.Cint(doc["idx"]);
        var requested = (int)PyConvert.Cint(data.GetValueOrDefault("docstatus"));
        var action = SubmitRules.Transition(0, requested);
        doc.Docstatus = requested;
        RequireSubmittable(meta, action);
        StampChildren(meta, doc);
        if (meta.IsTable)
            throw Fail.Raise("MandatoryError", $"[{meta.Name}, {doc.Name}]: parent, parenttype",
                new ServerMessage("Error: Value missing for parent"), new ServerMessage("Error: Value missing for parenttype"));

        LinkValidator.Validate(ctx, meta, doc);
        var controller = ctx.Site.Controllers.For(meta.Name);
        controller.BeforeInsert(ctx, doc);
        var newName = data.GetValueOrDefault("__newname") is { } nn ? PyConvert.Cstr(nn) : null;
        var clientName = data.GetValueOrDefault("name") is { } cn ? PyConvert.Cstr(cn) : null;
        var keepRowNames = NamingService.SetNewName(ctx, meta, doc, newName, clientName);
        NameRows(ctx, meta, doc, keepRowNames);
        RunValidation(ctx, meta, doc, stored: null, action);
        UniqueValidator.CheckNewName(ctx, meta, doc);
        UniqueValidator.CheckUniqueFields(ctx, meta, doc);
        controller.AfterSave(ctx, doc, action);
        ctx.Raise(doc, "after_insert", inInsert: true);
        ctx.Raise(doc, "on_update", inInsert: true);
        if (action == DocAction.Submit)
            ctx.Raise(doc, "on_submit", inInsert: true);
        ctx.Tx.Put(doc);
        return doc;
    }

    /// <summary>REST PUT: merge <paramref name="data"/> into the stored document and save it.</summary>
    public static Doc Update(DocContext ctx, string doctype, string name, OrderedDictionary<string, object?> data)
    {
        var meta = ctx.Meta(doctype);
        var stored = Load(ctx, meta, name);
        data.Remove("flags");
        if (data.GetValueOrDefault("name") is { } bodyName && !meta.IsSingle && !NameKey.Equal(PyConvert.Cstr(bodyName), stored.Name))
            throw Fail.Throw("Record does not exist");
        var doc = stored.Clone();
        var originalModified = data.TryGetValue("modified", out var sent) ? PyConvert.Cstr(sent) : PyConvert.Cstr(stored["modified"]);
        var requested = data.TryGetValue("docstatus", out var ds) ? (int)PyConvert.Cint(ds) : stored.Docstatus;
        DocumentBuilder.Merge(ctx, meta, doc, data);
        var tablesSent = meta.TableFields.Where(t => data.GetValueOrDefault(t.Fieldname) is List<object?>).Select(t => t.Fieldname).ToHashSet();
        return Save(ctx, meta, stored, doc, originalModified, requested, tablesSent);
    }

    /// <summary><c>frappe.client.save</c>/<c>submit</c>: the document is exactly the dict sent; <c>modified</c> must match.</summary>
    public static Doc SaveFull(DocContext ctx, OrderedDictionary<string, object?> data, int? forceDocstatus)
    {
        var doctype = PyConvert.Cstr(data.GetValueOrDefault("doctype"));
        var meta = ctx.Meta(doctype);
        var name = PyConvert.Cstr(data.GetValueOrDefault("name"));
        if (name.Length == 0 && !meta.IsSingle)
            return Insert(ctx, doctype, data);
        var stored = Load(ctx, meta, name);
        var doc = DocumentBuilder.FromFullDict(ctx, meta, data);
        doc.Name = stored.Name;
        doc["owner"] ??= stored["owner"];
        doc["creation"] ??= stored["creation"];
        var requested = forceDocstatus ?? (int)PyConvert.Cint(data.GetValueOrDefault("docstatus"));
        return Save(ctx, meta, stored, doc, PyConvert.Cstr(data.GetValueOrDefault("modified")), requested,
            meta.TableFields.Select(t => t.Fieldname).ToHashSet());
    }

    /// <summary>Loads the stored document or answers 404 as <c>frappe.get_doc</c> does.</summary>
    public static Doc Load(DocContext ctx, DocTypeDef meta, string name)
    {
        var stored = meta.IsSingle ? ctx.Tx.Get(meta.Name, meta.Name) : ctx.Tx.Get(meta.Name, name);
        return stored ?? throw Fail.DocNotFound(meta.Name, name);
    }

    /// <summary>Changes only the docstatus of a stored document (submit or cancel by name).</summary>
    public static Doc SetDocstatus(DocContext ctx, string doctype, string name, int docstatus)
    {
        var meta = ctx.Meta(doctype);
        var stored = Load(ctx, meta, name);
        return Save(ctx, meta, stored, stored.Clone(), PyConvert.Cstr(stored["modified"]), docstatus, []);
    }

    private static Doc Save(DocContext ctx, DocTypeDef meta, Doc stored, Doc doc, string originalModified, int requested, HashSet<string> tablesSent)
    {
        doc.Docstatus = requested;
        doc["modified"] = NextModified(ctx.Now, PyConvert.Cstr(stored["modified"]));
        doc["modified_by"] = ctx.User;
        StampChildren(meta, doc);
        var storedModified = PyConvert.Cstr(stored["modified"]);
        if (!string.Equals(storedModified, originalModified, StringComparison.Ordinal))
        {
            var message = $"Error: Document has been modified after you have opened it ({storedModified}, {doc["modified"]}). Please refresh to get the latest document.";
            throw Fail.Throw(message, "TimestampMismatchError");
        }

        var action = SubmitRules.Transition(stored.Docstatus, requested);
        RequireSubmittable(meta, action);
        if (action != DocAction.Cancel)
            LinkValidator.Validate(ctx, meta, doc);
        NameRows(ctx, meta, doc, keepNames: true);
        var controller = ctx.Site.Controllers.For(meta.Name);
        if (action == DocAction.Cancel)
        {
            controller.BeforeCancel(ctx, doc);
            BackLinks.CheckCancel(ctx, meta, doc);
            Passwords.Capture(ctx, meta, doc, stored);
        }
        else
        {
            RunValidation(ctx, meta, doc, stored, action);
            UniqueValidator.CheckUniqueFields(ctx, meta, doc);
        }

        controller.AfterSave(ctx, doc, action);
        foreach (var method in EventsOf(action))
            ctx.Raise(doc, method, inInsert: false);
        ctx.Tx.Put(ChildRowWrites.Resolve(ctx, meta, stored, doc, tablesSent));
        return doc;
    }

    /// <summary>
    /// The new <c>modified</c> of a save: now, but at least a microsecond past the stored value, so a stopped
    /// test clock cannot make a stale compare-and-swap pass (with a running clock this never applies).
    /// </summary>
    private static string NextModified(string now, string stored)
    {
        if (!DateValues.TryParseDatetime(now, out var next) || !DateValues.TryParseDatetime(stored, out var previous) || next > previous)
            return now;
        return previous.AddTicks(10).ToString(SiteClock.DatetimeFormat, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void RunValidation(DocContext ctx, DocTypeDef meta, Doc doc, Doc? stored, DocAction action)
    {
        ctx.Site.Controllers.For(meta.Name).Validate(ctx, doc, action);
        SetTitleField(meta, doc, isNew: stored is null);
        StampChildren(meta, doc);
        MandatoryValidator.Validate(ctx, meta, doc);
        FieldValidator.Validate(ctx, meta, doc);
        SyncAutonameField(meta, doc);
        if (stored is not null)
        {
            if (action == DocAction.UpdateAfterSubmit)
                SubmitRules.ValidateUpdateAfterSubmit(ctx, meta, doc, stored);
            SubmitRules.ValidateSetOnlyOnce(meta, doc, stored);
        }

        Passwords.Capture(ctx, meta, doc, stored);
    }

    private static string[] EventsOf(DocAction action) => action switch
    {
        DocAction.Save => ["on_update", "on_change"],
        DocAction.Submit => ["on_update", "on_submit", "on_change"],
        DocAction.UpdateAfterSubmit => ["on_update_after_submit", "on_change"],
        _ => ["on_cancel", "on_change"],
    };

    private static void RequireSubmittable(DocTypeDef meta, DocAction action)
    {
        if (action is DocAction.Submit or DocAction.Cancel && !meta.IsSubmittable)
        {
            var perm = action == DocAction.Submit ? "submit" : "cancel";
            throw new FrappeError(403, "frappe.exceptions.PermissionError")
            {
                Messages = [new ServerMessage($"{meta.Name} is not submittable")],
                ErrorMessage = $"Insufficient Permission for {meta.Name} (<strong>{perm}</strong>)",
            };
        }
    }

    /// <summary><c>set_user_and_timestamp</c>/<c>set_docstatus</c>/<c>set_parent_in_children</c> for every row.</summary>
    private static void StampChildren(DocTypeDef meta, Doc doc)
    {
        foreach (var (field, rows) in doc.Tables)
        {
            foreach (var row in rows)
            {
                row["parent"] = doc.Name;
                row["parentfield"] = field;
                row["parenttype"] = meta.Name;
                row["modified"] = doc["modified"];
                row["modified_by"] = doc["modified_by"];
                row["owner"] ??= doc["owner"];
                row["creation"] ??= doc["creation"];
                row.Docstatus = doc.Docstatus;
            }
        }
    }

    /// <summary>Rows without a name get a hash; on insert (without <c>__newname</c>) every row gets a fresh one.</summary>
    private static void NameRows(DocContext ctx, DocTypeDef meta, Doc doc, bool keepNames)
    {
        foreach (var row in doc.AllChildren())
        {
            if (!keepNames || string.IsNullOrEmpty(row.GetString("name")))
                row.Name = HashNames.New(ctx.Site.Clock.TimeProvider);
        }

        StampChildren(meta, doc);
    }

    /// <summary><c>set_title_field</c>: a new document's empty <c>title</c> takes its "{field}" default template.</summary>
    private static void SetTitleField(DocTypeDef meta, Doc doc, bool isNew)
    {
        if (meta.TitleField != "title" || meta.Field("title") is not { } field || !isNew || PyConvert.Truthy(doc["title"]))
            return;
        if (field.Default is { } template && template.Contains('{', StringComparison.Ordinal))
        {
            doc["title"] = System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)\}", m => PyConvert.Cstr(doc[m.Groups[1].Value]));
        }
    }

    /// <summary><c>_sync_autoname_field</c>: a <c>field:</c> DocType keeps that field equal to the name.</summary>
    private static void SyncAutonameField(DocTypeDef meta, Doc doc)
    {
        var autoname = meta.Autoname ?? string.Empty;
        var cut = autoname.IndexOf("field:", StringComparison.Ordinal);
        if (cut < 0)
            return;
        var fieldname = autoname[(cut + 6)..].Trim();
        if (meta.Field(fieldname) is not null && doc.Name.Length > 0 && doc.GetString(fieldname) != doc.Name)
            doc[fieldname] = doc.Name;
    }
}
