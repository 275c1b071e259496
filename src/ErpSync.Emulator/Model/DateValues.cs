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
        return DateTime.TryParseExact(text.Trim(), DatetimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out value);
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
