using System.Globalization;
using System.Net;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Templates;

/// <summary>A function value (builtins, bound string/dict methods).</summary>
internal sealed record PyCallable(string Name, Func<List<object?>, object?> Invoke);

/// <summary>
/// The builtins, methods and Jinja filters the webhook templates and conditions may use. Attribute access
/// on a dict falls back to <c>dict.get</c>, as on Frappe's <c>_dict</c>, so a missing field reads as None.
/// </summary>
internal static class PyBuiltins
{
    public static PyCallable? Function(string name) => name switch
    {
        "len" => new PyCallable(name, a => Length(Arg(a, 0))),
        "str" => new PyCallable(name, a => PyOps.Str(Arg(a, 0))),
        "int" => new PyCallable(name, a => PyConvert.Cint(Arg(a, 0))),
        "float" => new PyCallable(name, a => PyConvert.Flt(Arg(a, 0))),
        "bool" => new PyCallable(name, a => PyConvert.Truthy(Arg(a, 0))),
        "abs" => new PyCallable(name, a => Arg(a, 0) is double d ? Math.Abs(d) : Math.Abs(PyConvert.Cint(Arg(a, 0)))),
        "round" => new PyCallable(name, a => Math.Round(PyConvert.Flt(Arg(a, 0)), (int)PyConvert.Cint(Arg(a, 1)), MidpointRounding.ToEven)),
        "cint" => new PyCallable(name, a => PyConvert.Cint(Arg(a, 0))),
        "flt" => new PyCallable(name, a => PyConvert.Flt(Arg(a, 0))),
        "cstr" => new PyCallable(name, a => PyConvert.Cstr(Arg(a, 0))),
        _ => null,
    };

    public static object? Call(object? target, List<object?> args) => target switch
    {
        PyCallable callable => callable.Invoke(args),
        _ => throw new TemplateException($"TypeError: '{PyOps.TypeName(target)}' object is not callable"),
    };

    public static object? Attribute(object? target, string name, bool jinja)
    {
        if (ReferenceEquals(target, ExprParser.Undefined))
            throw new TemplateException($"UndefinedError: undefined has no attribute '{name}'");
        switch (target)
        {
            case OrderedDictionary<string, object?> dict:
                return name switch
                {
                    "get" when !dict.ContainsKey("get") => new PyCallable("get", a => dict.GetValueOrDefault(PyConvert.Cstr(Arg(a, 0))) ?? Arg(a, 1)),
                    "keys" => new PyCallable("keys", _ => dict.Keys.Cast<object?>().ToList()),
                    "values" => new PyCallable("values", _ => dict.Values.ToList()),
                    _ => dict.GetValueOrDefault(name),
                };
            case string s:
                return StringMethod(s, name) ?? throw new TemplateException($"AttributeError: 'str' object has no attribute '{name}'");
            default:
                if (jinja)
                    return ExprParser.Undefined;
                throw new TemplateException($"AttributeError: '{PyOps.TypeName(target)}' object has no attribute '{name}'");
        }
    }

    public static object? Index(object? target, object? key) => target switch
    {
        OrderedDictionary<string, object?> dict => dict.TryGetValue(PyConvert.Cstr(key), out var v) ? v
            : throw new TemplateException($"KeyError: {PyFormat.Repr(key)}"),
        List<object?> list when key is long or int => ListIndex(list, (int)PyConvert.Cint(key)),
        string s when key is long or int => ListIndex(s.Select(c => (object?)c.ToString()).ToList(), (int)PyConvert.Cint(key)),
        _ => throw new TemplateException($"TypeError: '{PyOps.TypeName(target)}' object is not subscriptable"),
    };

    public static object? Filter(string name, object? value, List<object?> args) => name switch
    {
        "json" or "tojson" => PyJson.Serialize(Plain(value), PyJsonStyle.Pretty),
        "length" or "count" or "len" => Length(value),
        "int" => PyConvert.Cint(value),
        "float" or "flt" => PyConvert.Flt(value),
        "str" or "string" => PyOps.Str(value),
        "upper" => PyOps.Str(value).ToUpperInvariant(),
        "lower" => PyOps.Str(value).ToLowerInvariant(),
        "trim" => PyOps.Str(value).Trim(),
        "default" or "d" => value is null || ReferenceEquals(value, ExprParser.Undefined) ? Arg(args, 0) : value,
        "round" => Math.Round(PyConvert.Flt(value), (int)PyConvert.Cint(Arg(args, 0)), MidpointRounding.ToEven),
        "abs" => value is double d ? Math.Abs(d) : Math.Abs(PyConvert.Cint(value)),
        "join" => string.Join(PyConvert.Cstr(Arg(args, 0)), (value as List<object?> ?? []).Select(PyOps.Str)),
        "first" => value is List<object?> { Count: > 0 } first ? first[0] : null,
        "last" => value is List<object?> { Count: > 0 } last ? last[^1] : null,
        "replace" => PyOps.Str(value).Replace(PyConvert.Cstr(Arg(args, 0)), PyConvert.Cstr(Arg(args, 1)), StringComparison.Ordinal),
        "safe" => value,
        "e" or "escape" => WebUtility.HtmlEncode(PyOps.Str(value)),
        _ => throw new TemplateException($"TemplateAssertionError: No filter named '{name}'."),
    };

    private static object? Plain(object? value) => ReferenceEquals(value, ExprParser.Undefined) ? null : value;

    private static object? Arg(List<object?> args, int index) => index < args.Count ? args[index] : null;

    private static object? ListIndex(List<object?> list, int index)
    {
        var i = index < 0 ? list.Count + index : index;
        return i >= 0 && i < list.Count ? list[i] : throw new TemplateException("IndexError: list index out of range");
    }

    private static long Length(object? value) => value switch
    {
        string s => s.Length,
        List<object?> list => list.Count,
        OrderedDictionary<string, object?> dict => dict.Count,
        _ => throw new TemplateException($"TypeError: object of type '{PyOps.TypeName(value)}' has no len()"),
    };

    private static PyCallable? StringMethod(string s, string name) => name switch
    {
        "lower" => new PyCallable(name, _ => s.ToLowerInvariant()),
        "upper" => new PyCallable(name, _ => s.ToUpperInvariant()),
        "strip" => new PyCallable(name, _ => s.Trim()),
        "startswith" => new PyCallable(name, a => s.StartsWith(PyConvert.Cstr(Arg(a, 0)), StringComparison.Ordinal)),
        "endswith" => new PyCallable(name, a => s.EndsWith(PyConvert.Cstr(Arg(a, 0)), StringComparison.Ordinal)),
        "replace" => new PyCallable(name, a => s.Replace(PyConvert.Cstr(Arg(a, 0)), PyConvert.Cstr(Arg(a, 1)), StringComparison.Ordinal)),
        "split" => new PyCallable(name, a => (a.Count == 0
            ? s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : s.Split(PyConvert.Cstr(a[0]))).Select(x => (object?)x).ToList()),
        "format" => new PyCallable(name, a => string.Format(CultureInfo.InvariantCulture, s.Replace("{}", "{0}", StringComparison.Ordinal), a.Select(PyOps.Str).Cast<object>().ToArray())),
        _ => null,
    };
}
