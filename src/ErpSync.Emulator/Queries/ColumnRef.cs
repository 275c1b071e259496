using System.Text.RegularExpressions;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;

namespace ErpSync.Emulator.Queries;

/// <summary>A column of the queried DocType or of one of its child DocTypes (a join in Frappe's SQL).</summary>
internal sealed partial record ColumnRef(DocTypeDef Table, string Fieldname, FieldKind Kind, bool IsChild)
{
    /// <summary>Resolves <c>field</c>, <c>`tabX`.`field`</c>, <c>tabX.field</c> or <c>table_field.field</c>; null when unknown.</summary>
    public static ColumnRef? Resolve(DocTypeDef main, string text, Func<string, DocTypeDef?> metas)
    {
        var t = text.Trim();
        string? table = null;
        string field;
        var qualified = Qualified().Match(t);
        if (qualified.Success)
        {
            table = qualified.Groups["table"].Value;
            field = qualified.Groups["field"].Value;
        }
        else
        {
            var dot = t.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                table = t[..dot].Trim('`');
                field = t[(dot + 1)..].Trim('`');
            }
            else
            {
                field = t.Trim('`');
            }
        }

        if (table is null || table == main.Name)
            return ForTable(main, field, isChild: false);
        foreach (var tableField in main.TableFields)
        {
            var childMeta = metas(tableField.Options ?? string.Empty);
            if (childMeta is not null && (childMeta.Name == table || tableField.Fieldname == table))
                return ForTable(childMeta, field, isChild: true);
        }

        return null;
    }

    /// <summary>Resolves a filter's field: on the DocType itself, else on a child DocType (as Frappe's <c>get_filter</c> does).</summary>
    public static ColumnRef ResolveFilter(DocTypeDef main, string? doctype, string field, Func<string, DocTypeDef?> metas)
    {
        var resolved = doctype is null || doctype == main.Name
            ? Resolve(main, field, metas)
            : Resolve(main, $"`tab{doctype}`.`{field}`", metas);
        if (resolved is null && doctype is null)
        {
            foreach (var tableField in main.TableFields)
            {
                if (metas(tableField.Options ?? string.Empty) is { } child && child.HasColumn(field))
                    return ForTable(child, field, isChild: true)!;
            }
        }

        return resolved ?? throw Fail.Throw($"Field not permitted in query: {field}", "DataError");
    }

    private static ColumnRef? ForTable(DocTypeDef meta, string field, bool isChild)
    {
        if (!meta.HasColumn(field))
            return null;
        var kind = meta.Field(field)?.Kind ?? FieldTypes.StandardKind(field);
        return new ColumnRef(meta, field, kind, isChild);
    }

    [GeneratedRegex(@"^`?tab(?<table>[^`.]+)`?\.`?(?<field>[^`]+)`?$")]
    private static partial Regex Qualified();
}
