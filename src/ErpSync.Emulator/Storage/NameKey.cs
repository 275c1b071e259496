using System.Globalization;
using System.Text;

namespace ErpSync.Emulator.Storage;

/// <summary>
/// Comparison key for names as MariaDB's <c>utf8mb4_unicode_ci</c> (PAD SPACE) compares them: case- and
/// accent-insensitive, trailing spaces ignored. Frappe sites answer 409 for names equal under this rule.
/// </summary>
internal static class NameKey
{
    public static string Of(string name)
    {
        var trimmed = name.TrimEnd(' ');
        var ascii = true;
        foreach (var c in trimmed)
        {
            if (c > 0x7f)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
            return trimmed.ToUpperInvariant();
        var decomposed = trimmed.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        }

        return sb.ToString().ToUpperInvariant();
    }

    public static bool Equal(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Of(a), Of(b), StringComparison.Ordinal);

    /// <summary>Ordering as the collation sorts (ORDER BY on text): Unicode collation, punctuation before letters.</summary>
    public static int Compare(string? a, string? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => CultureInfo.InvariantCulture.CompareInfo.Compare(a.TrimEnd(' '), b.TrimEnd(' '), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace),
    };
}
