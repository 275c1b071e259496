using System.Globalization;
using System.Text.RegularExpressions;

namespace ErpSync.Cli.AuditLog;

/// <summary>
/// <c>--since</c>: an age (<c>30m</c>, <c>12h</c>, <c>7d</c>, <c>2w</c>) counted back from now, or an ISO date or
/// time (<c>2026-11-01</c>, <c>2026-11-01T08:00</c>, <c>2026-11-01 08:00:00+01:00</c>, <c>…Z</c>); a date or time
/// without an offset is in the machine's local time zone.
/// </summary>
internal static partial class SinceParser
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
    ];

    public const string Help = "an age such as 30m, 12h, 7d or 2w, or an ISO date/time such as 2026-11-01 or 2026-11-01T08:00 (local time unless it ends in Z or +hh:mm)";

    public static bool TryParse(string text, DateTimeOffset now, TimeZoneInfo localZone, out DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(localZone);
        var value = text.Trim();
        since = default;
        var age = Age().Match(value);
        if (age.Success)
        {
            if (!int.TryParse(age.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
            var unit = age.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "m" or "min" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                "d" => TimeSpan.FromDays(1),
                _ => TimeSpan.FromDays(7),
            };
            try
            {
                since = now - (unit * n);
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        var utc = value.EndsWith('Z') || value.EndsWith('z');
        var withoutZ = utc ? value[..^1] + "+00:00" : value;
        if (DateTimeOffset.TryParseExact(withoutZ, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            since = withOffset.ToUniversalTime();
            return true;
        }

        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            since = new DateTimeOffset(unspecified, localZone.GetUtcOffset(unspecified)).ToUniversalTime();
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?<n>\d{1,6})\s*(?<unit>m|min|h|d|w)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Age();
}
