using System.Globalization;

namespace ErpSync.Frappe.Listing;

/// <summary>
/// Compares Frappe timestamps (<c>YYYY-MM-DD HH:MM:SS[.ffffff]</c>, naive site-local). Python drops
/// <c>.000000</c>, so equal instants may be printed differently; compare parsed values, fall back to text.
/// </summary>
internal static class FrappeTimestamp
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd",
    ];

    public static int Compare(string? left, string? right)
    {
        if (left is null || right is null)
            return string.CompareOrdinal(left, right);
        if (TryParse(left, out var a) && TryParse(right, out var b))
            return a.CompareTo(b);
        return string.CompareOrdinal(left, right);
    }

    private static bool TryParse(string text, out DateTime value) =>
        DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
