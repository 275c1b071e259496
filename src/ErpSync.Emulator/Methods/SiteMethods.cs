using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Http;
using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Methods;

/// <summary>Session, version, metadata and rename methods outside <c>frappe.client</c>.</summary>
internal static class SiteMethods
{
    public const string FrappeVersion = "14.93.2";
    public const string ErpNextVersion = "14.82.1";

    private static readonly string[] ParentExtras =
    [
        "__js", "__css", "__list_js", "__calendar_js", "__map_js", "__linked_with", "__messages", "__form_grid_templates",
        "__listview_template", "__tree_js", "__templates",
    ];

    public static void Register(MethodRegistry registry)
    {
        registry.Add(new MethodSpec("frappe.auth.get_logged_user", c => ApiResult.Ok("message", c.User)));
        registry.Add(new MethodSpec("frappe.ping", _ => ApiResult.Ok("message", "pong"), AllowGuest: true));
        registry.Add(new MethodSpec("frappe.utils.change_log.get_versions", Versions));
        registry.Add(new MethodSpec("frappe.desk.form.load.getdoctype", GetDocType, ["GET"]));
        registry.Add(new MethodSpec("frappe.desk.form.load.getdoc", GetDoc, ["GET"]));
        registry.Add(new MethodSpec("frappe.model.rename_doc.update_document_title", UpdateDocumentTitle, ["POST", "PUT"]));
    }

    private static ApiResult Versions(MethodCall c)
    {
        var versions = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["frappe"] = App("Frappe Framework", "Low Code Web Framework For The Web", FrappeVersion),
        };
        if (c.Site.Options.SeedErpNext)
            versions["erpnext"] = App("ERPNext", "ERP made simple", ErpNextVersion);
        return ApiResult.Ok("message", versions);
    }

    private static OrderedDictionary<string, object?> App(string title, string description, string version) => new(StringComparer.Ordinal)
    {
        ["title"] = title,
        ["description"] = description,
        ["branch"] = "version-14",
        ["version"] = version,
    };

    /// <summary>The DocType and its child DocTypes as the desk loads them: <c>{docs, user_settings}</c>, no <c>message</c>.</summary>
    private static ApiResult GetDocType(MethodCall c)
    {
        var doctype = c.Required("doctype");
        var docs = c.Site.Read(ctx =>
        {
            var meta = ctx.FindMeta(doctype) ?? throw Fail.NotFound($"DocType {doctype} not found");
            var result = new List<object?> { MetaDict(ctx, meta.Name, isParent: true) };
            foreach (var table in meta.TableFields)
            {
                if (ctx.FindMeta(table.Options ?? string.Empty) is { } child && !result.Cast<OrderedDictionary<string, object?>>().Any(d => Equals(d["name"], child.Name)))
                    result.Add(MetaDict(ctx, child.Name, isParent: false));
            }

            return result;
        });
        var body = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["docs"] = docs,
            ["user_settings"] = "{}",
        };
        return new ApiResult(200, body);
    }

    private static OrderedDictionary<string, object?> MetaDict(DocContext ctx, string doctype, bool isParent)
    {
        var stored = ctx.Tx.Get("DocType", doctype) ?? throw Fail.NotFound($"DocType {doctype} not found");
        var plain = DocSerializer.ToDict(stored, ctx.Site.MetaLookup, includeNulls: false);
        var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["doctype"] = "DocType" };
        foreach (var (k, v) in plain.Where(e => e.Key != "doctype"))
            dict[k] = v;
        if (dict["fields"] is List<object?> fields)
        {
            var tables = new List<object?>();
            foreach (var field in fields.OfType<OrderedDictionary<string, object?>>())
            {
                AddMetaLists(field);
                if (field.GetValueOrDefault("fieldtype") is "Table" or "Table MultiSelect")
                    tables.Add(new OrderedDictionary<string, object?>(field, StringComparer.Ordinal));
                field["search_fields"] = null;
                field["is_custom_field"] = null;
                field["linked_document_type"] = Equals(field.GetValueOrDefault("fieldtype"), "Link") ? string.Empty : null;
            }

            if (tables.Count > 0)
                dict["_table_fields"] = tables;
        }

        if (dict.GetValueOrDefault("permissions") is List<object?> permissions)
        {
            foreach (var permission in permissions.OfType<OrderedDictionary<string, object?>>())
                AddMetaLists(permission);
        }

        dict["is_large_table"] = false;
        dict["__assets_loaded"] = true;
        foreach (var key in ParentExtras)
            dict[key] = null;
        dict["__print_formats"] = isParent ? new List<object?>() : null;
        dict["__workflow_docs"] = isParent ? new List<object?>() : null;
        dict["__kanban_column_fields"] = isParent ? new List<object?>() : null;
        dict["__dashboard"] = isParent
            ? new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["transactions"] = new List<object?>(),
                ["non_standard_fieldnames"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal),
                ["internal_links"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal),
            }
            : null;
        var scrubbed = Fail.Scrub(doctype);
        dict["__custom_js"] = isParent ? $"\n\n//# sourceURL={scrubbed}__custom_js" : null;
        dict["__custom_list_js"] = isParent ? $"\n\n//# sourceURL={scrubbed}__custom_list_js" : null;
        return dict;
    }

    private static void AddMetaLists(OrderedDictionary<string, object?> row)
    {
        foreach (var key in new[] { "fields", "permissions", "actions", "links", "states" })
            row[key] = new List<object?>();
    }

    private static ApiResult GetDoc(MethodCall c)
    {
        var doctype = c.Required("doctype");
        var name = c.Required("name");
        var doc = c.Site.Read(ctx => DocumentWriter.Load(ctx, ctx.Meta(doctype), name));
        var docinfo = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["attachments"] = new List<object?>(),
            ["communications"] = new List<object?>(),
            ["comments"] = new List<object?>(),
            ["versions"] = new List<object?>(),
            ["assignments"] = new List<object?>(),
            ["shared"] = new List<object?>(),
            ["tags"] = string.Empty,
        };
        var body = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["docs"] = new List<object?> { DocSerializer.ToDict(doc, c.Site.MetaLookup, includeNulls: false) },
            ["docinfo"] = docinfo,
        };
        return new ApiResult(200, body);
    }

    private static ApiResult UpdateDocumentTitle(MethodCall c)
    {
        var doctype = c.Required("doctype");
        var docname = c.Required("docname");
        var newName = c.Optional("name");
        var title = c.Optional("title");
        if (!string.IsNullOrEmpty(title))
        {
            c.Site.Write(c.UserOrGuest, ctx =>
            {
                var meta = ctx.Meta(doctype);
                if (meta.TitleField is { } titleField)
                    DocumentWriter.Update(ctx, doctype, docname, new OrderedDictionary<string, object?>(StringComparer.Ordinal) { [titleField] = title });
                return 0;
            });
        }

        if (string.IsNullOrEmpty(newName) || newName == docname)
            return ApiResult.Ok("message", docname);
        return ClientMethods.Rename(c, doctype, docname, newName);
    }
}
