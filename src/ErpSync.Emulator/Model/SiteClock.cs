using System.Globalization;

namespace ErpSync.Emulator.Model;

/// <summary>
/// The site's wall clock: naive local time in the site's time zone (System Settings, else the configured
/// default), as <c>frappe.utils.now()</c> produces it.
/// </summary>
internal sealed class SiteClock(TimeProvider timeProvider, string defaultTimeZone)
{
    public const string DatetimeFormat = "yyyy-MM-dd HH:mm:ss.ffffff";

    private TimeZoneInfo _zone = Resolve(defaultTimeZone);
    private string _zoneName = defaultTimeZone;

    public string DefaultTimeZone { get; } = defaultTimeZone;

    public string TimeZoneName => _zoneName;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public void SetTimeZone(string? name)
    {
        var effective = string.IsNullOrWhiteSpace(name) ? DefaultTimeZone : name;
        _zone = Resolve(effective);
        _zoneName = effective;
    }

    public DateTime Now() => TimeZoneInfo.ConvertTime(TimeProvider.GetUtcNow(), _zone).DateTime;

    /// <summary><c>frappe.utils.now()</c>: always six fractional digits.</summary>
    public string NowString() => Now().ToString(DatetimeFormat, CultureInfo.InvariantCulture);

    public string Today() => Now().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeZoneInfo Resolve(string name)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"Unknown time zone '{name}'; use an IANA name such as Asia/Kolkata or Europe/Berlin.", nameof(name));
        }
    }
}
