using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Queries;

/// <summary>
/// Frappe's filter forms: a list of <c>[field, op, value]</c> / <c>[doctype, field, op, value]</c> /
/// <c>[field, value]</c>, or a dict <c>{field: value}</c> / <c>{field: [op, value]}</c>.
/// </summary>
internal static class FilterParser
{
    private static readonly HashSet<string> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        "=", "==", "!=", "<>", ">", "<", ">=", "<=", "like", "not like", "in", "not in", "is", "between",
    };

    public static List<FilterCondition> Parse(object? filters, DocTypeDef main, Func<string, DocTypeDef?> metas)
    {
        var result = new List<FilterCondition>();
        switch (filters)
        {
            case null:
                break;
            case string s when s.Trim().Length == 0:
                break;
            case string s:
                return Parse(PyJsonParser.Parse(s), main, metas);
            case OrderedDictionary<string, object?> dict:
                foreach (var (key, value) in dict)
                {
                    if (value is List<object?> { Count: >= 1 } pair && pair[0] is string op && Operators.Contains(op))
                        result.Add(Make(main, null, key, op, pair.Count > 1 ? pair[1] : null, metas));
                    else
                        result.Add(Make(main, null, key, "=", value, metas));
                }

                break;
            case List<object?> list:
                foreach (var item in list)
                {
                    switch (item)
                    {
                        case List<object?> { Count: 2 } two:
                            result.Add(Make(main, null, PyConvert.Cstr(two[0]), "=", two[1], metas));
                            break;
                        case List<object?> { Count: 3 } three:
                            result.Add(Make(main, null, PyConvert.Cstr(three[0]), PyConvert.Cstr(three[1]), three[2], metas));
                            break;
                        case List<object?> { Count: >= 4 } four:
                            result.Add(Make(main, PyConvert.Cstr(four[0]), PyConvert.Cstr(four[1]), PyConvert.Cstr(four[2]), four[3], metas));
                            break;
                        case OrderedDictionary<string, object?> nested:
                            result.AddRange(Parse(nested, main, metas));
                            break;
                        default:
                            throw Fail.Throw($"Filter must be a list of [field, operator, value], got {PyFormat.Repr(item)}");
                    }
                }

                break;
            default:
                throw Fail.Throw($"Filter must be a list or a dict, got {PyFormat.Repr(filters)}");
        }

        return result;
    }

    private static FilterCondition Make(DocTypeDef main, string? doctype, string field, string op, object? value, Func<string, DocTypeDef?> metas)
    {
        var normalized = op.Trim().ToLowerInvariant() switch
        {
            "==" => "=",
            "<>" => "!=",
            var o => o,
        };
        if (!Operators.Contains(normalized))
            throw Fail.Throw($"Operator must be one of {string.Join(", ", Operators.Order(StringComparer.Ordinal))}");
        return new FilterCondition(ColumnRef.ResolveFilter(main, doctype, field, metas), normalized, value);
    }
}
