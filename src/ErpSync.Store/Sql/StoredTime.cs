using System.Globalization;

namespace ErpSync.Store.Sql;

/// <summary>
/// How instants are stored: UTC, millisecond precision on both engines (so they read back equal), as
/// <c>YYYY-MM-DD HH:MM:SS.fff</c> text on SQLite — the form <c>datetime('now')</c> compares with — and as
/// <c>timestamptz</c> on PostgreSQL.
/// </summary>
internal static class StoredTime
{
    private const string TextFormat = "yyyy-MM-dd HH:mm:ss.fff";

    private static readonly string[] ReadFormats =
        ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string ToText(DateTimeOffset value) => Normalize(value).ToString(TextFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromValue(object value) => value switch
    {
        string text => DateTimeOffset.ParseExact(text, ReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset offset => offset.ToUniversalTime(),
        _ => throw new InvalidCastException($"A stored time has the unexpected type {value.GetType().Name}."),
    };
}
