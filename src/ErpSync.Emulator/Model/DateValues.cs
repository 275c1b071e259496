using System.Globalization;

namespace ErpSync.Emulator.Model;

/// <summary>
/// Parsing and the database's printed form of Date, Datetime and Time values: Python's <c>str()</c> of
/// what MariaDB returns (fractional seconds dropped when zero).
/// </summary>
internal static class DateValues
{
    private static readonly string[] DatetimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    public static bool TryParseDatetime(string? text, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        if (TryParseCanonical(text, out value))
            return true;
        return DateTime.TryParseExact(text.Trim(), DatetimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out value);
    }

    /// <summary>Fast path for what the site itself prints: <c>YYYY-MM-DD[( |T)HH:MM:SS[.f…]]</c>.</summary>
    private static bool TryParseCanonical(string text, out DateTime value)
    {
        value = default;
        var s = text.AsSpan();
        if (s.Length < 10 || s[4] != '-' || s[7] != '-')
            return false;
        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day))
            return false;
        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        if (s.Length > 10)
        {
            if (s.Length < 19 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':')
                return false;
            if (!Digits(s.Slice(11, 2), out hour) || !Digits(s.Slice(14, 2), out minute) || !Digits(s.Slice(17, 2), out second))
                return false;
            if (s.Length > 19)
            {
                if (s[19] != '.' || s.Length > 27 || !Digits(s[20..], out var fraction))
                    return false;
                ticks = fraction * (long)Math.Pow(10, 7 - (s.Length - 20));
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 23 || minute > 59 || second > 59)
            return false;
        value = new DateTime(year, month, day, hour, minute, second).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        if (span.Length == 0)
            return false;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    public static bool TryParseTime(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var t = text.Trim();
        if (t.Contains(' ', StringComparison.Ordinal) && TryParseDatetime(t, out var dt))
        {
            value = dt.TimeOfDay;
            return true;
        }

        return TimeSpan.TryParseExact(t, [@"h\:mm\:ss\.FFFFFFF", @"h\:mm\:ss", @"h\:mm"], CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>str(datetime)</c>: <c>YYYY-MM-DD HH:MM:SS</c> plus <c>.ffffff</c> only when non-zero.</summary>
    public static string FormatDatetime(DateTime value)
    {
        var micro = (value.Ticks % TimeSpan.TicksPerSecond) / 10;
        var text = value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return micro == 0 ? text : text + "." + micro.ToString("000000", CultureInfo.InvariantCulture);
    }

    public static string FormatDate(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>str(timedelta)</c>: hours not zero-padded.</summary>
    public static string FormatTime(TimeSpan value)
    {
        var micro = (value.Ticks % TimeSpan.TicksPerSecond) / 10;
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}:{value.Minutes:00}:{value.Seconds:00}");
        return micro == 0 ? text : text + "." + micro.ToString("000000", CultureInfo.InvariantCulture);
    }
}
