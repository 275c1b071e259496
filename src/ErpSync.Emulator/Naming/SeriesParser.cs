using System.Globalization;
using System.Text;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Naming;

/// <summary>
/// <c>frappe.model.naming.parse_naming_series</c>: a series such as <c>SO-.YYYY.-.#####</c> split on dots;
/// date parts, field values and one <c>#</c> counter keyed by the text before it (<c>tabSeries</c>).
/// </summary>
internal static class SeriesParser
{
    public static string Parse(IEnumerable<string> parts, Doc? doc, DateTime today, SiteTransaction tx)
    {
        var name = new StringBuilder();
        var seriesSet = false;
        foreach (var raw in parts)
        {
            var e = raw;
            if (e.Length == 0)
                continue;
            string? part;
            if (e.StartsWith('#'))
            {
                part = null;
                if (!seriesSet)
                {
                    part = NextCounter(tx, name.ToString(), e.Length);
                    seriesSet = true;
                }
            }
            else
            {
                part = e switch
                {
                    "YY" => today.ToString("yy", CultureInfo.InvariantCulture),
                    "MM" => today.ToString("MM", CultureInfo.InvariantCulture),
                    "DD" => today.ToString("dd", CultureInfo.InvariantCulture),
                    "YYYY" => today.ToString("yyyy", CultureInfo.InvariantCulture),
                    "WW" => ISOWeek.GetWeekOfYear(today).ToString("00", CultureInfo.InvariantCulture),
                    "timestamp" => DateValues.FormatDatetime(today),
                    _ => FieldOrLiteral(e, doc),
                };
            }

            if (part is not null)
                name.Append(part);
        }

        return name.ToString();
    }

    /// <summary><c>getseries</c>: bumps the counter for <paramref name="key"/> and zero-pads it.</summary>
    public static string NextCounter(SiteTransaction tx, string key, int digits)
    {
        var next = tx.GetSeries(key) + 1;
        tx.SetSeries(key, next);
        return next.ToString(new string('0', digits), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <c>revert_series_if_last</c>: deleting the newest document of a series gives its number back.
    /// </summary>
    public static void RevertIfLast(string key, string name, Doc doc, DateTime today, SiteTransaction tx)
    {
        string prefix;
        if (key.Contains(".#", StringComparison.Ordinal))
        {
            var cut = key.LastIndexOf('.');
            prefix = key[..cut];
            var hashes = key[(cut + 1)..];
            if (!hashes.Contains('#', StringComparison.Ordinal))
            {
                var hashStart = key.IndexOf('#', StringComparison.Ordinal);
                if (hashStart < 0)
                    return;
                var hashEnd = hashStart;
                while (hashEnd < key.Length && key[hashEnd] == '#')
                    hashEnd++;
                name = name.Replace(hashes, string.Empty, StringComparison.Ordinal);
                prefix = prefix.Replace(key[hashStart..hashEnd], string.Empty, StringComparison.Ordinal);
            }
        }
        else
        {
            prefix = key;
        }

        if (prefix.Contains('.', StringComparison.Ordinal))
            prefix = ParseWithoutCounter(prefix.Split('.'), doc, today);
        var count = PyConvert.Cint(prefix.Length == 0 ? name : name.Replace(prefix, string.Empty, StringComparison.Ordinal));
        if (tx.GetSeries(prefix) == count && count > 0)
            tx.SetSeries(prefix, count - 1);
    }

    private static string ParseWithoutCounter(IEnumerable<string> parts, Doc doc, DateTime today)
    {
        var sb = new StringBuilder();
        foreach (var e in parts.Where(p => p.Length > 0 && !p.StartsWith('#')))
        {
            sb.Append(e switch
            {
                "YY" => today.ToString("yy", CultureInfo.InvariantCulture),
                "MM" => today.ToString("MM", CultureInfo.InvariantCulture),
                "DD" => today.ToString("dd", CultureInfo.InvariantCulture),
                "YYYY" => today.ToString("yyyy", CultureInfo.InvariantCulture),
                "WW" => ISOWeek.GetWeekOfYear(today).ToString("00", CultureInfo.InvariantCulture),
                _ => FieldOrLiteral(e, doc),
            });
        }

        return sb.ToString();
    }

    private static string FieldOrLiteral(string part, Doc? doc)
    {
        if (part.StartsWith('{') && doc is not null)
            return PyConvert.Cstr(doc[part.Trim('{', '}')]);
        if (doc is not null && PyConvert.Truthy(doc[part]))
            return PyConvert.Cstr(doc[part]).Trim();
        return part;
    }
}
