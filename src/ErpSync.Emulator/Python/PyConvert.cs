using System.Globalization;
using System.Numerics;

namespace ErpSync.Emulator.Python;

/// <summary>Frappe's <c>cint</c>, <c>flt</c>, <c>cstr</c> and Python truthiness over the value model.</summary>
internal static class PyConvert
{
    /// <summary><c>frappe.utils.cint</c>: int of anything, 0 when it does not convert.</summary>
    public static long Cint(object? value)
    {
        switch (value)
        {
            case null: return 0;
            case long l: return l;
            case int i: return i;
            case bool b: return b ? 1 : 0;
            case double d: return double.IsFinite(d) ? (long)Math.Truncate(d) : 0;
            case BigInteger big: return big > long.MaxValue || big < long.MinValue ? 0 : (long)big;
            case string s:
                var t = s.Trim();
                if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                    return parsed;
                // cint("12.7") is int(float("12.7")) = 12 in Frappe.
                return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f) ? (long)Math.Truncate(f) : 0;
            default: return 0;
        }
    }

    /// <summary><c>frappe.utils.flt</c>: float of anything, 0.0 when it does not convert (commas are stripped).</summary>
    public static double Flt(object? value)
    {
        switch (value)
        {
            case null: return 0;
            case double d: return d;
            case long l: return l;
            case int i: return i;
            case bool b: return b ? 1 : 0;
            case BigInteger big: return (double)big;
            case string s:
                var t = s.Replace(",", string.Empty, StringComparison.Ordinal).Trim();
                return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : 0;
            default: return 0;
        }
    }

    /// <summary><c>frappe.utils.cstr</c>: "" for None, <c>str()</c> otherwise.</summary>
    public static string Cstr(object? value) => value is null ? string.Empty : PyFormat.Str(value);

    /// <summary>Python truthiness.</summary>
    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        BigInteger big => !big.IsZero,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>Whether the value is a number (bool counts, as in Python).</summary>
    public static bool IsNumber(object? value) => value is long or int or double or bool or BigInteger;
}
