using System.Numerics;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Templates;

/// <summary>Python semantics of comparisons and arithmetic over the value model, TypeErrors included.</summary>
internal static class PyOps
{
    public static bool Compare(string op, object? left, object? right)
    {
        switch (op)
        {
            case "==": return PyEquals(left, right);
            case "!=": return !PyEquals(left, right);
            case "is": return ReferenceEquals(left, right) || (left is null && right is null) || (left is bool a && right is bool b && a == b);
            case "is not": return !Compare("is", left, right);
            case "in": return Contains(right, left);
            case "not in": return !Contains(right, left);
        }

        int order;
        if (IsNumeric(left) && IsNumeric(right))
            order = PyConvert.Flt(left).CompareTo(PyConvert.Flt(right));
        else if (left is string ls && right is string rs)
            order = string.CompareOrdinal(ls, rs);
        else
            throw new TemplateException($"TypeError: '{op}' not supported between instances of '{TypeName(left)}' and '{TypeName(right)}'");
        return op switch
        {
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            ">=" => order >= 0,
            _ => throw new TemplateException($"SyntaxError: unknown operator {op}"),
        };
    }

    public static object? Binary(string op, object? left, object? right)
    {
        if (op == "~")
            return Str(left) + Str(right);
        if (op == "+" && left is string a && right is string b)
            return a + b;
        if (op == "+" && left is List<object?> la && right is List<object?> lb)
            return la.Concat(lb).ToList();
        if (op == "*" && left is string repeated && IsInteger(right))
            return string.Concat(Enumerable.Repeat(repeated, (int)Math.Max(0, PyConvert.Cint(right))));
        if (!IsNumeric(left) || !IsNumeric(right))
            throw new TemplateException($"TypeError: unsupported operand type(s) for {op}: '{TypeName(left)}' and '{TypeName(right)}'");
        if (IsInteger(left) && IsInteger(right) && op is "+" or "-" or "*" or "//" or "%")
        {
            var x = PyConvert.Cint(left);
            var y = PyConvert.Cint(right);
            if (op is "//" or "%" && y == 0)
                throw new TemplateException("ZeroDivisionError: integer division or modulo by zero");
            return op switch
            {
                "+" => x + y,
                "-" => x - y,
                "*" => x * y,
                "//" => (long)Math.Floor((double)x / y),
                _ => ((x % y) + y) % y,
            };
        }

        var dx = PyConvert.Flt(left);
        var dy = PyConvert.Flt(right);
        if (op is "/" or "//" or "%" && dy == 0)
            throw new TemplateException("ZeroDivisionError: float division by zero");
        return op switch
        {
            "+" => dx + dy,
            "-" => dx - dy,
            "*" => dx * dy,
            "/" => dx / dy,
            "//" => Math.Floor(dx / dy),
            "%" => dx - (dy * Math.Floor(dx / dy)),
            _ => throw new TemplateException($"SyntaxError: unknown operator {op}"),
        };
    }

    public static bool PyEquals(object? a, object? b)
    {
        if (a is null || b is null)
            return a is null && b is null;
        if (IsNumeric(a) && IsNumeric(b))
            return PyConvert.Flt(a) == PyConvert.Flt(b);
        if (a is string sa && b is string sb)
            return string.Equals(sa, sb, StringComparison.Ordinal);
        if (a is List<object?> la && b is List<object?> lb)
            return la.Count == lb.Count && la.Zip(lb).All(p => PyEquals(p.First, p.Second));
        return ReferenceEquals(a, b);
    }

    /// <summary>Jinja's output of a value (<c>str()</c>; undefined renders empty).</summary>
    public static string Str(object? value) => ReferenceEquals(value, ExprParser.Undefined) ? string.Empty : PyFormat.Str(value);

    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long or int or BigInteger => "int",
        double => "float",
        string => "str",
        List<object?> => "list",
        OrderedDictionary<string, object?> => "dict",
        _ => "object",
    };

    private static bool IsNumeric(object? value) => value is long or int or double or bool or BigInteger;

    private static bool IsInteger(object? value) => value is long or int or bool or BigInteger;

    private static bool Contains(object? container, object? item) => container switch
    {
        string s when item is string sub => s.Contains(sub, StringComparison.Ordinal),
        List<object?> list => list.Any(x => PyEquals(x, item)),
        OrderedDictionary<string, object?> dict => item is string key && dict.ContainsKey(key),
        _ => throw new TemplateException($"TypeError: argument of type '{TypeName(container)}' is not iterable"),
    };
}
