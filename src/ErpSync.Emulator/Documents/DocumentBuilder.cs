using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Documents;

/// <summary>
/// Builds working documents from request dicts the way <c>frappe.get_doc(dict)</c> and <c>doc.update(dict)</c>
/// do: known columns are cast, unknown keys dropped, a list replaces a child table with rows built only
/// from what was sent.
/// </summary>
internal static class DocumentBuilder
{
    /// <summary>A new document from a POST body, with <c>_set_defaults</c> applied to it and its rows.</summary>
    public static Doc ForInsert(DocContext ctx, DocTypeDef meta, OrderedDictionary<string, object?> data)
    {
        var doc = new Doc(meta.Name);
        ApplyStandard(doc, data);
        foreach (var field in meta.DataFields)
            doc[field.Fieldname] = ValueCoercer.Coerce(field, data.GetValueOrDefault(field.Fieldname) ?? DefaultFor(ctx, field));
        foreach (var table in meta.TableFields)
        {
            var rows = doc.Table(table.Fieldname);
            if (data.GetValueOrDefault(table.Fieldname) is List<object?> list)
                rows.AddRange(BuildRows(ctx, table, list, withDefaults: true));
        }

        return doc;
    }

    /// <summary><c>doc.update(dict)</c> on a loaded document (PUT): keys present replace, tables are replaced whole.</summary>
    public static void Merge(DocContext ctx, DocTypeDef meta, Doc doc, OrderedDictionary<string, object?> data)
    {
        foreach (var (key, value) in data)
        {
            if (key is "owner" or "creation" or "modified_by" or "idx")
            {
                doc[key] = ValueCoercer.CoerceStandard(key, value);
                continue;
            }

            var field = meta.Field(key);
            if (field is null)
                continue;
            if (field.IsTable)
            {
                if (value is List<object?> list)
                    doc.Tables[key] = BuildRows(ctx, field, list, withDefaults: false).ToList();
                continue;
            }

            doc[key] = ValueCoercer.Coerce(field, value);
        }
    }

    /// <summary>A document built purely from a dict (<c>frappe.client.save/submit</c>): omitted fields are null, omitted tables empty.</summary>
    public static Doc FromFullDict(DocContext ctx, DocTypeDef meta, OrderedDictionary<string, object?> data)
    {
        var doc = new Doc(meta.Name);
        ApplyStandard(doc, data);
        foreach (var field in meta.DataFields)
            doc[field.Fieldname] = ValueCoercer.Coerce(field, data.GetValueOrDefault(field.Fieldname));
        foreach (var table in meta.TableFields)
        {
            var rows = doc.Table(table.Fieldname);
            if (data.GetValueOrDefault(table.Fieldname) is List<object?> list)
                rows.AddRange(BuildRows(ctx, table, list, withDefaults: false));
        }

        return doc;
    }

    /// <summary>Default of a field on a new document (<c>frappe.new_doc</c>): global default, static default, first Select option.</summary>
    public static object? DefaultFor(DocContext ctx, FieldDef field)
    {
        if (field.IsLink && ctx.Site.Defaults.TryGetValue(field.Fieldname, out var global))
            return global;
        if (!string.IsNullOrEmpty(field.Default))
        {
            return field.Default switch
            {
                "Today" or "today" => ctx.Today,
                "Now" or "now" when field.Kind == FieldKind.Datetime => ctx.Now,
                "__user" => ctx.User,
                _ when field.Default.StartsWith(':') => null,
                // "{customer_name}"-style defaults are title templates, filled in by set_title_field.
                _ when field.Default.Contains('{', StringComparison.Ordinal) => null,
                _ => field.Default,
            };
        }

        if (field.IsSelect && !string.IsNullOrEmpty(field.Options) && field.Options is not "[Select]" and not "[Select Status]")
            return field.Options.Split('\n')[0];
        return null;
    }

    private static void ApplyStandard(Doc doc, OrderedDictionary<string, object?> data)
    {
        foreach (var key in FieldTypes.StandardFields)
        {
            if (data.TryGetValue(key, out var value))
                doc[key] = ValueCoercer.CoerceStandard(key, value);
        }
    }

    private static IEnumerable<Doc> BuildRows(DocContext ctx, FieldDef table, List<object?> list, bool withDefaults)
    {
        var childMeta = ctx.FindMeta(table.Options ?? string.Empty);
        if (childMeta is null)
            yield break;
        var position = 0;
        foreach (var item in list.OfType<OrderedDictionary<string, object?>>())
        {
            position++;
            var row = new Doc(childMeta.Name);
            foreach (var key in new[] { "name", "owner", "creation" })
            {
                if (item.GetValueOrDefault(key) is { } v && PyConvert.Cstr(v).Length > 0)
                    row[key] = PyConvert.Cstr(v);
            }

            var idx = PyConvert.Cint(item.GetValueOrDefault("idx"));
            row["idx"] = idx > 0 ? idx : position;
            row.Unsaved = row["name"] is null;
            foreach (var field in childMeta.DataFields)
            {
                var raw = item.GetValueOrDefault(field.Fieldname);
                if (raw is null && withDefaults)
                    raw = DefaultFor(ctx, field);
                row[field.Fieldname] = ValueCoercer.Coerce(field, raw);
            }

            yield return row;
        }
    }
}
