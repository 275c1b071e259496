using System.Globalization;
using System.Numerics;
using System.Text;

namespace ErpSync.Emulator.Python;

/// <summary>
/// Python's <c>str()</c> and <c>repr()</c> for the emulator's value model (string, long, double, bool,
/// BigInteger, null, <see cref="OrderedDictionary{TKey,TValue}"/> of string to object, <see cref="List{T}"/>),
/// because Frappe puts those renderings into messages, webhook templates and JSON numbers.
/// </summary>
internal static class PyFormat
{
    /// <summary>Python <c>repr(float)</c>: shortest round-trip digits, <c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsPositiveInfinity(value))
            return "Infinity";
        if (double.IsNegativeInfinity(value))
            return "-Infinity";
        if (value == 0)
            return double.IsNegative(value) ? "-0.0" : "0.0";

        // "E16" is not shortest; "R" is, but its layout differs from Python's, so re-layout its digits.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative)
            text = text[1..];
        var exponent = 0;
        var ePos = text.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exponent = int.Parse(text[(ePos + 1)..], CultureInfo.InvariantCulture);
            text = text[..ePos];
        }

        var dot = text.IndexOf('.');
        var intPart = dot >= 0 ? text[..dot] : text;
        var fracPart = dot >= 0 ? text[(dot + 1)..] : string.Empty;
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        // Decimal exponent of the first significant digit.
        var exp10 = intPart.Length - 1 - leadingZeros + exponent;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
            digits = "0";

        var sb = new StringBuilder();
        if (negative)
            sb.Append('-');
        if (exp10 < -4 || exp10 >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exp10 < 0 ? '-' : '+').Append(Math.Abs(exp10).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exp10 < 0)
        {
            sb.Append("0.").Append('0', -exp10 - 1).Append(digits);
        }
        else if (digits.Length <= exp10 + 1)
        {
            sb.Append(digits).Append('0', exp10 + 1 - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, exp10 + 1).Append('.').Append(digits, exp10 + 1, digits.Length - exp10 - 1);
        }

        return sb.ToString();
    }

    /// <summary>Python <c>str(value)</c>.</summary>
    public static string Str(object? value) => value switch
    {
        null => "None",
        string s => s,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        BigInteger big => big.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        _ => Repr(value),
    };

    /// <summary>Python <c>repr(value)</c>.</summary>
    public static string Repr(object? value)
    {
        switch (value)
        {
            case string s:
                return ReprString(s);
            case OrderedDictionary<string, object?> dict:
            {
                var sb = new StringBuilder("{");
                var first = true;
                foreach (var (k, v) in dict)
                {
                    if (!first)
                        sb.Append(", ");
                    first = false;
                    sb.Append(ReprString(k)).Append(": ").Append(Repr(v));
                }

                return sb.Append('}').ToString();
            }

            case List<object?> list:
                return "[" + string.Join(", ", list.Select(Repr)) + "]";
            default:
                return Str(value);
        }
    }

    /// <summary>Python <c>repr(str)</c>: single quotes unless the text holds one and no double quote.</summary>
    public static string ReprString(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                        sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f)
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }

        return sb.Append(quote).ToString();
    }
}
