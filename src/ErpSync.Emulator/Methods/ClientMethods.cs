using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Http;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Queries;

namespace ErpSync.Emulator.Methods;

/// <summary><c>frappe.client.*</c>: reads and writes by RPC, with <c>as_dict()</c> answers (nulls included).</summary>
internal static class ClientMethods
{
    private static readonly string[] Writes = ["POST", "PUT"];

    public static void Register(MethodRegistry registry)
    {
        registry.Add(new MethodSpec("frappe.client.get", Get));
        registry.Add(new MethodSpec("frappe.client.get_list", c => ApiResult.Ok("message",
            c.Site.Read(ctx => ListQueryRunner.Run(ctx, c.Required("doctype"), ResourceApi.ListArgsFrom(c.Args, useLimitAlias: false))))));
        registry.Add(new MethodSpec("frappe.client.get_count", c => ApiResult.Ok("message",
            c.Site.Read(ctx => ListQueryRunner.Count(ctx, c.Required("doctype"), c.Json("filters"))))));
        registry.Add(new MethodSpec("frappe.client.get_value", GetValue));
        registry.Add(new MethodSpec("frappe.client.get_single_value", GetSingleValue));
        registry.Add(new MethodSpec("frappe.client.get_time_zone", c => ApiResult.Ok("message",
            Dict("time_zone", c.Site.Clock.TimeZoneName)), AllowGuest: true));
        registry.Add(new MethodSpec("frappe.client.insert", Insert, Writes));
        registry.Add(new MethodSpec("frappe.client.insert_many", InsertMany, Writes));
        registry.Add(new MethodSpec("frappe.client.save", c => Write(c, ctx => DocumentWriter.SaveFull(ctx, c.Dict("doc"), null)), Writes));
        registry.Add(new MethodSpec("frappe.client.submit", c => Write(c, ctx => DocumentWriter.SaveFull(ctx, c.Dict("doc"), 1)), Writes));
        registry.Add(new MethodSpec("frappe.client.cancel", c => Write(c, ctx => DocumentWriter.SetDocstatus(ctx, c.Required("doctype"), c.Required("name"), 2)), Writes));
        registry.Add(new MethodSpec("frappe.client.delete", Delete, ["POST", "DELETE"]));
        registry.Add(new MethodSpec("frappe.client.set_value", SetValue, Writes));
        registry.Add(new MethodSpec("frappe.client.rename_doc", c => Rename(c, c.Required("doctype"), c.Required("old_name"), c.Required("new_name")), Writes));
        registry.Add(new MethodSpec("frappe.client.validate_link", c => ApiResult.Ok("message", Dict("name",
            c.Site.Read(ctx => ctx.FindMeta(c.Required("doctype")) is null ? null : ctx.Tx.Get(c.Required("doctype"), c.Required("docname"))?.Name)))));
    }

    public static ApiResult Rename(MethodCall c, string doctype, string oldName, string newName)
    {
        var (result, messages) = c.Site.Write(c.UserOrGuest, ctx => (DocumentRenamer.Rename(ctx, doctype, oldName, newName, c.Flag("merge")), ctx.Messages));
        return result is null ? ApiResult.Empty(messages) : ApiResult.Ok("message", result, messages);
    }

    private static ApiResult Get(MethodCall c)
    {
        var doctype = c.Required("doctype");
        var doc = c.Site.Read(ctx =>
        {
            var meta = ctx.Meta(doctype);
            var name = c.Optional("name");
            if (string.IsNullOrEmpty(name) && c.Json("filters") is { } filters)
            {
                var first = ListQueryRunner.Run(ctx, doctype, new ListArgs { Filters = filters, PageLength = 1 }).FirstOrDefault();
                name = (first as OrderedDictionary<string, object?>)?.GetValueOrDefault("name") is { } n ? PyConvert.Cstr(n) : null;
            }

            if (string.IsNullOrEmpty(name) && !meta.IsSingle)
                throw Fail.Throw("No document found for given filters");
            return DocumentWriter.Load(ctx, meta, name ?? doctype);
        });
        return ApiResult.Ok("message", DocSerializer.ToDict(doc, c.Site.MetaLookup, includeNulls: true));
    }

    private static ApiResult GetValue(MethodCall c)
    {
        var doctype = c.Required("doctype");
        var fieldname = c.Required("fieldname");
        var asDict = c.Args.GetValueOrDefault("as_dict") is not { } ad || ResourceApi.SBool(ad);
        object? fields;
        try
        {
            fields = PyJsonParser.Parse(fieldname);
        }
        catch (PyJsonException)
        {
            fields = new List<object?> { fieldname };
        }

        var fieldList = fields as List<object?> ?? [fieldname];
        var rawFilters = c.Args.GetValueOrDefault("filters");
        object? filters = rawFilters is string s && !s.TrimStart().StartsWith('{') && !s.TrimStart().StartsWith('[') && s.Length > 0
            ? new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["name"] = s }
            : c.Json("filters");
        var row = c.Site.Read(ctx =>
        {
            var meta = ctx.Meta(doctype);
            if (meta.IsSingle)
            {
                var single = ctx.Tx.Get(doctype, doctype);
                var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var f in fieldList.Select(PyConvert.Cstr))
                    dict[f] = single?[f];
                return dict;
            }

            return ListQueryRunner.Run(ctx, doctype, new ListArgs { Fields = fieldList, Filters = filters, PageLength = 1 }).FirstOrDefault() as OrderedDictionary<string, object?>;
        });
        if (asDict)
            return ApiResult.Ok("message", row ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal));
        if (row is null)
            return ApiResult.Empty();
        return ApiResult.Ok("message", fieldList.Count > 1 ? row.Values.ToList() : row.Values.FirstOrDefault());
    }

    private static ApiResult GetSingleValue(MethodCall c)
    {
        var doctype = c.Required("doctype");
        var field = c.Required("field");
        var value = c.Site.Read(ctx =>
        {
            var meta = ctx.Meta(doctype);
            var raw = ctx.Tx.Get(doctype, doctype)?[field];
            var df = meta.Field(field);
            if (raw is not null || df is null)
                return raw;
            return df.Kind is Meta.FieldKind.Int or Meta.FieldKind.Check ? 0L : df.Kind == Meta.FieldKind.Float ? 0.0 : (object)string.Empty;
        });
        return ApiResult.Ok("message", value);
    }

    private static ApiResult Insert(MethodCall c)
    {
        var data = c.Dict("doc");
        if (data.GetValueOrDefault("parenttype") is { } parentType && data.GetValueOrDefault("parent") is { } parent)
        {
            var parentDoc = c.Site.Write(c.UserOrGuest, ctx =>
            {
                var meta = ctx.Meta(PyConvert.Cstr(parentType));
                var stored = DocumentWriter.Load(ctx, meta, PyConvert.Cstr(parent));
                var field = PyConvert.Cstr(data.GetValueOrDefault("parentfield"));
                var rows = (stored.Tables.GetValueOrDefault(field) ?? [])
                    .Select(r => (object?)DocSerializer.ToDict(r, ctx.Site.MetaLookup, includeNulls: false)).ToList();
                rows.Add(data);
                var update = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { [field] = rows };
                return DocumentWriter.Update(ctx, meta.Name, stored.Name, update);
            });
            return ApiResult.Ok("message", DocSerializer.ToDict(parentDoc, c.Site.MetaLookup, includeNulls: true));
        }

        return Write(c, ctx => DocumentWriter.Insert(ctx, PyConvert.Cstr(data.GetValueOrDefault("doctype")), data));
    }

    private static ApiResult InsertMany(MethodCall c)
    {
        var docs = c.Json("docs") as List<object?> ?? throw Fail.Throw("docs must be a list");
        if (docs.Count > 200)
            throw Fail.Throw("Only 200 inserts allowed in one request");
        var names = c.Site.Write(c.UserOrGuest, ctx => docs.OfType<OrderedDictionary<string, object?>>()
            .Select(d =>
            {
                ctx.Tick();
                return (object?)DocumentWriter.Insert(ctx, PyConvert.Cstr(d.GetValueOrDefault("doctype")), d).Name;
            })
            .ToList());
        return ApiResult.Ok("message", names);
    }

    private static ApiResult Delete(MethodCall c)
    {
        var doctype = c.Required("doctype");
        var name = c.Required("name");
        c.Site.Write(c.UserOrGuest, ctx =>
        {
            var meta = ctx.Meta(doctype);
            if (meta.IsTable && ctx.Tx.FindRow(doctype, name) is { } at)
            {
                var parent = DocumentWriter.Load(ctx, ctx.Meta(at.ParentDocType), at.ParentName);
                var rows = parent.Table(at.ParentField).Where(r => !Storage.NameKey.Equal(r.Name, name))
                    .Select(r => (object?)DocSerializer.ToDict(r, ctx.Site.MetaLookup, includeNulls: false)).ToList();
                DocumentWriter.Update(ctx, at.ParentDocType, parent.Name,
                    new OrderedDictionary<string, object?>(StringComparer.Ordinal) { [at.ParentField] = rows });
                return 0;
            }

            if (!ctx.Tx.Exists(doctype, name))
                throw Fail.NotFoundEmpty();
            DocumentDeleter.Delete(ctx, doctype, name);
            return 0;
        });
        return ApiResult.Empty();
    }

    private static ApiResult SetValue(MethodCall c)
    {
        var doctype = c.Required("doctype");
        var name = c.Required("name");
        var fieldname = c.Required("fieldname");
        if (Meta.FieldTypes.IsStandard(fieldname))
            throw Fail.Throw("Cannot edit standard fields");
        var value = c.Args.GetValueOrDefault("value");
        OrderedDictionary<string, object?> values;
        if (!PyConvert.Truthy(value))
        {
            try
            {
                values = PyJsonParser.Parse(fieldname) as OrderedDictionary<string, object?>
                         ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal) { [fieldname] = string.Empty };
            }
            catch (PyJsonException)
            {
                values = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { [fieldname] = string.Empty };
            }
        }
        else
        {
            values = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { [fieldname] = value };
        }

        return Write(c, ctx => DocumentWriter.Update(ctx, doctype, name, values));
    }

    private static ApiResult Write(MethodCall c, Func<DocContext, Doc> operation)
    {
        var (doc, messages) = c.Site.Write(c.UserOrGuest, ctx => (operation(ctx), ctx.Messages));
        return ApiResult.Ok("message", DocSerializer.ToDict(doc, c.Site.MetaLookup, includeNulls: true), messages);
    }

    private static OrderedDictionary<string, object?> Dict(string key, object? value) =>
        new(StringComparer.Ordinal) { [key] = value };
}
