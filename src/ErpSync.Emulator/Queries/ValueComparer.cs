using System.Text;
using System.Text.RegularExpressions;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Queries;

/// <summary>
/// How MariaDB compares a column with a value in Frappe's queries: numbers numerically, dates as dates
/// (a date-only or ISO 'T' value works), text under the case- and accent-insensitive collation, and NULL
/// replaced by Frappe's <c>ifnull</c> fallback ('' or 0).
/// </summary>
internal static class ValueComparer
{
    /// <summary>A value converted once to what <see cref="ComparePrepared"/> compares: double, DateTime or text.</summary>
    public static object? Prepare(FieldKind kind, object? value) => kind switch
    {
        FieldKind.Int or FieldKind.Check or FieldKind.Float => PyConvert.Flt(value),
        FieldKind.Date or FieldKind.Datetime => ToDate(kind, value) is { } date ? date : PyConvert.Cstr(value),
        _ => PyConvert.Cstr(value),
    };

    /// <summary>Compares a column value with a value from <see cref="Prepare"/>.</summary>
    public static int ComparePrepared(FieldKind kind, object? value, object? prepared) => prepared switch
    {
        double d => PyConvert.Flt(value).CompareTo(d),
        DateTime date when ToDate(kind, value) is { } mine => mine.CompareTo(date),
        _ => Compare(kind, value, prepared),
    };

    /// <summary>A sort key computed once per row: NULL, a number, a date or the collation key of the text.</summary>
    public static IComparable? SortKey(FieldKind kind, object? value)
    {
        if (value is null)
            return null;
        return Prepare(kind, value) switch
        {
            double d => d,
            DateTime date => date,
            var other => new CollatedText(PyConvert.Cstr(other)),
        };
    }

    public static int CompareSortKeys(IComparable? a, IComparable? b)
    {
        if (a is null || b is null)
            return a is null ? (b is null ? 0 : -1) : 1;
        return a.GetType() == b.GetType() ? a.CompareTo(b) : string.CompareOrdinal(a.ToString(), b.ToString());
    }

    public static int Compare(FieldKind kind, object? a, object? b)
    {
        switch (kind)
        {
            case FieldKind.Int or FieldKind.Check or FieldKind.Float:
                return PyConvert.Flt(a).CompareTo(PyConvert.Flt(b));
            case FieldKind.Date or FieldKind.Datetime:
                var da = ToDate(kind, a);
                var db = ToDate(kind, b);
                if (da is not null && db is not null)
                    return da.Value.CompareTo(db.Value);
                return NameKey.Compare(PyConvert.Cstr(a), PyConvert.Cstr(b));
            default:
                return NameKey.Compare(PyConvert.Cstr(a), PyConvert.Cstr(b));
        }
    }

    public static DateTime? ToDate(FieldKind kind, object? value)
    {
        if (value is null)
            return DateTime.MinValue;
        if (!DateValues.TryParseDatetime(PyConvert.Cstr(value), out var parsed))
            return null;
        return kind == FieldKind.Date ? parsed.Date : parsed;
    }

    private sealed class CollatedText(string text) : IComparable
    {
        private readonly System.Globalization.SortKey _key = System.Globalization.CultureInfo.InvariantCulture.CompareInfo.GetSortKey(
            text.TrimEnd(' '), System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace);

        public int CompareTo(object? obj) => obj is CollatedText other ? System.Globalization.SortKey.Compare(_key, other._key) : 1;

        public override string ToString() => _key.OriginalString;
    }

    /// <summary>SQL LIKE with % and _ wildcards, case-insensitive.</summary>
    public static bool Like(object? value, object? pattern)
    {
        var text = NameKey.Of(PyConvert.Cstr(value));
        var regex = new StringBuilder("^");
        var p = NameKey.Of(PyConvert.Cstr(pattern));
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\' && i + 1 < p.Length)
                regex.Append(Regex.Escape(p[++i].ToString()));
            else if (c == '%')
                regex.Append(".*");
            else if (c == '_')
                regex.Append('.');
            else
                regex.Append(Regex.Escape(c.ToString()));
        }

        return Regex.IsMatch(text, regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
