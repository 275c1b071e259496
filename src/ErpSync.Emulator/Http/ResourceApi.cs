using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Queries;

namespace ErpSync.Emulator.Http;

/// <summary>
/// <c>/api/resource/{doctype}[/{name}]</c> as Frappe v14's <c>frappe.api.handle</c> serves it: list, read,
/// insert (200), merge-update, delete (202) and <c>run_method</c>.
/// </summary>
internal static class ResourceApi
{
    public static ApiResult Handle(SiteRuntime site, string method, string doctype, string? name, RequestArgs args, string? user)
    {
        if (string.IsNullOrEmpty(name))
        {
            return method switch
            {
                "GET" => List(site, doctype, args, user),
                "POST" => Insert(site, doctype, args, user),
                _ => ApiResult.Empty(),
            };
        }

        if (args.Form.ContainsKey("run_method") && method is "GET" or "POST")
            return RunMethod(site, doctype, name, args, user);
        return method switch
        {
            "GET" => Get(site, doctype, name, user),
            "PUT" => Update(site, doctype, name, args, user),
            "DELETE" => Delete(site, doctype, name, user),
            _ => ApiResult.Empty(),
        };
    }

    private static ApiResult List(SiteRuntime site, string doctype, RequestArgs args, string? user)
    {
        if (!site.Metas.Exists(doctype))
            throw Fail.NotFound($"DocType {doctype} not found");
        if (user is null)
            throw GuestDenied($"User <strong>Guest</strong> does not have doctype access via role permission for document <strong>{doctype}</strong>", $"No permission for {doctype}");
        var form = args.Form;
        var listArgs = ListArgsFrom(form, useLimitAlias: true);
        var rows = site.Read(ctx => ListQueryRunner.Run(ctx, doctype, listArgs));
        return ApiResult.Ok("data", rows);
    }

    /// <summary>Decodes list arguments; <c>limit</c> stands in for an absent <c>limit_page_length</c> on the REST list only.</summary>
    public static ListArgs ListArgsFrom(OrderedDictionary<string, object?> form, bool useLimitAlias)
    {
        object? pageLength = form.GetValueOrDefault("limit_page_length") ?? form.GetValueOrDefault("page_length");
        if (pageLength is null && useLimitAlias)
            pageLength = form.GetValueOrDefault("limit");
        return new ListArgs
        {
            Fields = Json(form, "fields"),
            Filters = Json(form, "filters"),
            OrFilters = Json(form, "or_filters"),
            OrderBy = form.GetValueOrDefault("order_by") is { } order ? PyConvert.Cstr(order) : null,
            LimitStart = PyConvert.Cint(form.GetValueOrDefault("limit_start") ?? form.GetValueOrDefault("start")),
            PageLength = pageLength is null || (pageLength is string s && s.Length == 0) ? 20 : PyConvert.Cint(pageLength),
            AsDict = form.GetValueOrDefault("as_dict") is not { } asDict || SBool(asDict),
            Parent = form.GetValueOrDefault("parent") is { } parent ? PyConvert.Cstr(parent) : null,
        };
    }

    /// <summary>A JSON-valued argument: strings are parsed (a bad one fails as Python's json.loads does).</summary>
    public static object? Json(OrderedDictionary<string, object?> form, string key)
    {
        var value = form.GetValueOrDefault(key);
        if (value is not string text)
            return value;
        if (text.Length == 0)
            return null;
        try
        {
            return PyJsonParser.Parse(text);
        }
        catch (PyJsonException e)
        {
            throw Fail.Server($"json.decoder.JSONDecodeError: {e.Message}");
        }
    }

    private static ApiResult Get(SiteRuntime site, string doctype, string name, string? user)
    {
        var doc = site.Read(ctx => DocumentWriter.Load(ctx, ctx.Meta(doctype), name));
        if (user is null)
            throw GuestDenied("User <strong>Guest</strong> does not have access to this document", null);
        return ApiResult.Ok("data", DocSerializer.ToDict(doc, site.MetaLookup, includeNulls: false));
    }

    private static ApiResult Insert(SiteRuntime site, string doctype, RequestArgs args, string? user)
    {
        if (!site.Metas.Exists(doctype))
            throw Fail.UnknownDocType(doctype);
        if (user is null)
            throw GuestDenied("User <strong>Guest</strong> does not have access to this document", $"Insufficient Permission for {doctype} (<strong>create</strong>)");
        var data = args.DocumentData();
        data["doctype"] = doctype;
        var (doc, messages) = site.Write(user, ctx => (DocumentWriter.Insert(ctx, doctype, data), ctx.Messages));
        return ApiResult.Ok("data", DocSerializer.ToDict(doc, site.MetaLookup, includeNulls: true, markUnsaved: true), messages);
    }

    private static ApiResult Update(SiteRuntime site, string doctype, string name, RequestArgs args, string? user)
    {
        var data = args.DocumentData();
        var (doc, messages) = site.Write(user ?? "Guest", ctx =>
        {
            var meta = ctx.Meta(doctype);
            DocumentWriter.Load(ctx, meta, name);
            if (user is null)
                throw GuestDenied("User <strong>Guest</strong> does not have access to this document", $"Insufficient Permission for {doctype} (<strong>write</strong>)");
            return (DocumentWriter.Update(ctx, doctype, name, data), ctx.Messages);
        });
        return ApiResult.Ok("data", DocSerializer.ToDict(doc, site.MetaLookup, includeNulls: false, markUnsaved: true), messages);
    }

    private static ApiResult Delete(SiteRuntime site, string doctype, string name, string? user)
    {
        site.Write(user ?? "Guest", ctx =>
        {
            if (user is null && ctx.FindMeta(doctype) is not null && ctx.Tx.Exists(doctype, name))
                throw Fail.Throw($"User not allowed to delete {doctype}: {name}", "PermissionError");
            DocumentDeleter.Delete(ctx, doctype, name);
            return 0;
        });
        return ApiResult.Ok("message", "ok", status: 202);
    }

    private static ApiResult RunMethod(SiteRuntime site, string doctype, string name, RequestArgs args, string? user)
    {
        var method = PyConvert.Cstr(args.Form["run_method"]);
        if (user is null)
            throw Fail.Throw("Not permitted", "PermissionError");
        var doc = method switch
        {
            "submit" => site.Write(user, ctx => DocumentWriter.SetDocstatus(ctx, doctype, name, 1)),
            "cancel" => site.Write(user, ctx => DocumentWriter.SetDocstatus(ctx, doctype, name, 2)),
            "save" => site.Write(user, ctx => DocumentWriter.Update(ctx, doctype, name, new OrderedDictionary<string, object?>(StringComparer.Ordinal))),
            _ => throw Fail.Throw($"Method {method} not whitelisted", "PermissionError"),
        };
        return ApiResult.Ok("data", DocSerializer.ToDict(doc, site.MetaLookup, includeNulls: false));
    }

    /// <summary>Frappe's <c>sbool</c>: "0"/"false" are false.</summary>
    public static bool SBool(object? value) => value switch
    {
        string s => !(s.Equals("false", StringComparison.OrdinalIgnoreCase) || s == "0" || s.Length == 0),
        _ => PyConvert.Truthy(value),
    };

    private static FrappeError GuestDenied(string message, string? errorMessage) =>
        new(403, "frappe.exceptions.PermissionError")
        {
            Messages = [new ServerMessage(message)],
            ErrorMessage = errorMessage,
        };
}
