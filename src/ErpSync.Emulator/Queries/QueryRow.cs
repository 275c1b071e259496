using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Queries;

/// <summary>One row of Frappe's SQL: a document, joined with at most one row of each referenced child DocType.</summary>
internal sealed class QueryRow(Doc parent, Dictionary<string, Doc?> children)
{
    public Doc Parent { get; } = parent;

    public object? Get(ColumnRef column)
    {
        if (!column.IsChild)
            return Parent[column.Fieldname];
        return children.GetValueOrDefault(column.Table.Name)?[column.Fieldname];
    }

    public bool Matches(FilterCondition condition)
    {
        var kind = condition.Column.Kind;
        var value = Get(condition.Column);
        var target = condition.Value;
        var prepared = condition.Prepared;
        switch (condition.Operator)
        {
            case "=": return ValueComparer.ComparePrepared(kind, value, prepared) == 0;
            case "!=": return ValueComparer.ComparePrepared(kind, value, prepared) != 0;
            case ">": return ValueComparer.ComparePrepared(kind, value, prepared) > 0;
            case "<": return ValueComparer.ComparePrepared(kind, value, prepared) < 0;
            case ">=": return ValueComparer.ComparePrepared(kind, value, prepared) >= 0;
            case "<=": return ValueComparer.ComparePrepared(kind, value, prepared) <= 0;
            case "like": return ValueComparer.Like(value, target);
            case "not like": return !ValueComparer.Like(value, target);
            case "in": return InList(kind, value, target);
            case "not in": return !InList(kind, value, target);
            case "is":
                var isSet = value is not null && PyConvert.Cstr(value).Length > 0
                            && !(kind is FieldKind.Int or FieldKind.Check or FieldKind.Float && PyConvert.Flt(value) == 0);
                return PyConvert.Cstr(target).Equals("set", StringComparison.OrdinalIgnoreCase) ? isSet : !isSet;
            case "between":
                return Between(kind, value, target);
            default:
                return false;
        }
    }

    private static bool InList(FieldKind kind, object? value, object? target)
    {
        IEnumerable<object?> items = target switch
        {
            List<object?> list => list,
            null => [string.Empty],
            _ => PyConvert.Cstr(target).Split(',').Select(s => (object?)s.Trim()),
        };
        return items.Any(item => ValueComparer.Compare(kind, value, item is string s ? s.Trim() : item) == 0);
    }

    private static bool Between(FieldKind kind, object? value, object? target)
    {
        var bounds = target as List<object?> ?? [];
        var from = bounds.Count > 0 ? bounds[0] : null;
        var to = bounds.Count > 1 ? bounds[1] : null;
        if (kind is FieldKind.Date or FieldKind.Datetime)
        {
            var v = ValueComparer.ToDate(kind, value);
            var f = ValueComparer.ToDate(kind, from);
            var t = ValueComparer.ToDate(kind, to);
            if (v is null || f is null || t is null)
                return false;
            if (kind == FieldKind.Datetime && to is string ts && ts.Trim().Length <= 10)
                t = t.Value.Date.AddDays(1).AddTicks(-10);
            return v >= f && v <= t;
        }

        return ValueComparer.Compare(kind, value, from) >= 0 && ValueComparer.Compare(kind, value, to) <= 0;
    }
}
