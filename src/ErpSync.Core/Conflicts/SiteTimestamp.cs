using ErpSync.Core.Canonical;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Conflicts;

/// <summary>
/// Converts a site's naive <c>modified</c> string (site-local wall clock, with or without microseconds) to UTC
/// with that site's IANA time zone, so timestamps of two sites are compared as instants, never as strings.
/// </summary>
internal static class SiteTimestamp
{
    /// <summary>
    /// The time zone named by <paramref name="ianaId"/> (System Settings <c>time_zone</c>, e.g.
    /// <c>Asia/Kolkata</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The id is unknown on this machine; the message says which.</exception>
    public static TimeZoneInfo FindZone(string ianaId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"Unknown time zone '{ianaId}': set System Settings > Time Zone on the site to an IANA name such as Asia/Kolkata.", nameof(ianaId), ex);
        }
    }

    /// <summary>
    /// The instant <paramref name="modified"/> denotes on a site in <paramref name="zone"/>. A wall-clock time that
    /// occurs twice (the hour a DST change repeats) is read as the first occurrence; one that never occurs (the
    /// skipped hour) is moved forward by the gap. <c>false</c> when the text is not a Frappe date-time.
    /// </summary>
    public static bool TryToUtc(string? modified, TimeZoneInfo zone, out DateTimeOffset utc)
    {
        utc = default;
        if (modified is null || !FrappeDateTime.TryParse(modified, out var local))
            return false;

        if (zone.IsInvalidTime(local))
            local += zone.GetUtcOffset(local.AddHours(3)) - zone.GetUtcOffset(local.AddHours(-3));

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        utc = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    /// <summary>
    /// Which side changed last: compares both <c>modified</c> values in UTC. Equal instants go to the cloud (the
    /// site whose names are canonical), so the choice is deterministic. <c>null</c> with <paramref name="error"/>
    /// when a timestamp is missing or unreadable.
    /// </summary>
    public static SiteName? Later(string? cloudModified, TimeZoneInfo cloudZone, string? localModified, TimeZoneInfo localZone, out string? error)
    {
        error = null;
        if (!TryToUtc(cloudModified, cloudZone, out var cloud))
        {
            error = $"cloud timestamp '{cloudModified ?? "(none)"}' is not a date-time";
            return null;
        }

        if (!TryToUtc(localModified, localZone, out var local))
        {
            error = $"local timestamp '{localModified ?? "(none)"}' is not a date-time";
            return null;
        }

        return local > cloud ? SiteName.Local : SiteName.Cloud;
    }
}
