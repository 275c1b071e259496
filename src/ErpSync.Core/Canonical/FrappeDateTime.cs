using System.Globalization;

namespace ErpSync.Core.Canonical;

/// <summary>
/// Frappe's naive date-time and time strings: <c>yyyy-MM-dd HH:mm:ss[.f…]</c> (a <c>T</c> separator is
/// accepted), <c>H:mm:ss[.f…]</c>. Formatting follows Python's <c>str()</c>: microseconds only when non-zero.
/// </summary>
internal static class FrappeDateTime
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
    ];

    /// <summary>Parses a naive Frappe date-time (no zone); sub-microsecond digits are rejected.</summary>
    public static bool TryParse(string text, out DateTime value)
    {
        var ok = DateTime.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        return ok && value.Ticks % 10 == 0;
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> plus <c>.ffffff</c> when the microseconds are not zero.</summary>
    public static string Format(DateTime value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>H:mm[:ss[.f…]]</c> (hours 0–23); also accepts a full date-time and takes its time part.</summary>
    public static bool TryParseTime(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        if (text.Length > 10 && TryParse(text, out var dateTime))
        {
            value = dateTime.TimeOfDay;
            return true;
        }

        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
            return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours > 23 ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 59 || parts[1].Length != 2)
            return false;

        long fractionTicks = 0;
        var seconds = 0;
        if (parts.Length == 3)
        {
            var secondsText = parts[2];
            var dot = secondsText.IndexOf('.', StringComparison.Ordinal);
            var wholeText = dot < 0 ? secondsText : secondsText[..dot];
            if (wholeText.Length != 2 || !int.TryParse(wholeText, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds > 59)
                return false;
            if (dot >= 0)
            {
                var digits = secondsText[(dot + 1)..];
                if (digits.Length is 0 or > 6 || !digits.All(char.IsAsciiDigit))
                    return false;
                fractionTicks = long.Parse(digits.PadRight(7, '0'), CultureInfo.InvariantCulture);
            }
        }

        value = new TimeSpan(0, hours, minutes, seconds) + TimeSpan.FromTicks(fractionTicks);
        return true;
    }

    /// <summary><c>HH:mm:ss</c> plus <c>.ffffff</c> when the microseconds are not zero.</summary>
    public static string FormatTime(TimeSpan value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.ffffff", CultureInfo.InvariantCulture);
}
