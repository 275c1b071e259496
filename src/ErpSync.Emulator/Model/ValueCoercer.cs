using System.Numerics;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Model;

/// <summary>
/// Casts a value assigned to a field the way Frappe's document layer does before it reaches the database:
/// Check → 0/1, Int → cint (null stays null), Float/Currency/Percent → flt (never null), text → str,
/// empty date/time → null.
/// </summary>
internal static class ValueCoercer
{
    public static object? Coerce(FieldDef field, object? raw) => field.Kind switch
    {
        FieldKind.Check => PyConvert.Cint(raw) != 0 ? 1L : 0L,
        FieldKind.Int => raw is null ? null : PyConvert.Cint(raw),
        FieldKind.Float => PyConvert.Flt(raw),
        FieldKind.Date or FieldKind.Datetime or FieldKind.Time => raw switch
        {
            null => null,
            string { Length: 0 } => null,
            string s => s,
            _ => PyConvert.Cstr(raw),
        },
        _ => Text(field, raw),
    };

    /// <summary>Coerces a standard column (<c>docstatus</c>, <c>idx</c> are ints; the rest text).</summary>
    public static object? CoerceStandard(string fieldname, object? raw) => fieldname switch
    {
        "docstatus" or "idx" => PyConvert.Cint(raw),
        _ => raw is null ? null : PyConvert.Cstr(raw),
    };

    private static object? Text(FieldDef field, object? raw) => raw switch
    {
        null => null,
        string s => s,
        bool b => b ? "1" : "0",
        long or int or double or BigInteger => PyConvert.Cstr(raw),
        List<object?> => throw Fail.Throw($"Value for {field.DisplayLabel} cannot be a list"),
        OrderedDictionary<string, object?> dict when field.Fieldtype == "JSON" => PyJson.Serialize(dict),
        OrderedDictionary<string, object?> => throw Fail.Throw($"Value for {field.DisplayLabel} cannot be a dict"),
        _ => PyConvert.Cstr(raw),
    };
}
