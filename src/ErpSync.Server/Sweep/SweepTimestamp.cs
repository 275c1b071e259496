using System.Globalization;

namespace ErpSync.Server.Sweep;

/// <summary>Moves a site's <c>modified</c>/<c>creation</c> string (naive site-local time) back by the sweep overlap.</summary>
internal static class SweepTimestamp
{
    private const string Format = "yyyy-MM-dd HH:mm:ss.ffffff";

    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd"];

    /// <summary><paramref name="timestamp"/> minus <paramref name="overlap"/> in Frappe's format, or the input unchanged when it cannot be read.</summary>
    public static string Back(string timestamp, TimeSpan overlap)
    {
        if (!DateTime.TryParseExact(timestamp.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            return timestamp;
        var moved = value.Ticks - overlap.Ticks < DateTime.MinValue.Ticks ? DateTime.MinValue : value - overlap;
        return moved.ToString(Format, CultureInfo.InvariantCulture);
    }

    /// <summary>Orders two (timestamp, name) positions of one site: the timestamps share one fixed-width format.</summary>
    public static int Compare(string timestampA, string nameA, string timestampB, string nameB)
    {
        var byTime = string.CompareOrdinal(Normalise(timestampA), Normalise(timestampB));
        return byTime != 0 ? byTime : string.CompareOrdinal(nameA, nameB);
    }

    // "2026-01-01 10:00:00" and "2026-01-01 10:00:00.000000" are the same instant.
    private static string Normalise(string timestamp) =>
        timestamp.Length == 19 ? timestamp + ".000000" : timestamp;
}
