using ErpSync.Cli.Connectivity;
using ErpSync.Core.Sites;

namespace ErpSync.Cli.Diagnostics;

/// <summary>The checks of the two sites themselves: reachable and authorised, clocks, time zones.</summary>
internal static class SiteDiagnostics
{
    /// <summary>Beyond this, two saves a few seconds apart may be ordered wrongly by <c>latest_timestamp</c>.</summary>
    public static readonly TimeSpan SkewWarning = TimeSpan.FromSeconds(10);

    /// <summary>Beyond this, the sweep's overlap window and <c>latest_timestamp</c> cannot be trusted.</summary>
    public static readonly TimeSpan SkewFailure = TimeSpan.FromMinutes(2);

    public static DoctorCheck SiteCheck(SiteProbe probe) => probe.Ok
        ? new DoctorCheck(Name(probe.Site), Title(probe.Site), CheckStatus.Ok, $"{probe.Url}: {probe.Describe()}")
        : new DoctorCheck(Name(probe.Site), Title(probe.Site), CheckStatus.Fail, $"{probe.Url}: {probe.Problem}", probe.Fix);

    public static async Task<DoctorCheck> ClockSkewAsync(IReadOnlyList<SiteProbe> probes, TimeProvider time, CancellationToken cancellationToken)
    {
        var skews = new List<(SiteName Site, TimeSpan Skew)>();
        var unknown = new List<string>();
        foreach (var probe in probes.Where(p => p.Ok))
        {
            try
            {
                if (await ClockProbe.MeasureAsync(new Uri(probe.Url), time, cancellationToken) is { } skew) skews.Add((probe.Site, skew));
                else unknown.Add($"{probe.Site.ToWire()} sends no Date header");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                unknown.Add($"{probe.Site.ToWire()}: {ex.Message.TrimEnd('.')}");
            }
        }

        if (skews.Count == 0)
        {
            return new DoctorCheck("clock_skew", "clock skew", CheckStatus.Skip, unknown.Count > 0 ? string.Join("; ", unknown) : "skipped: no site is reachable");
        }

        var worst = skews.Max(s => s.Skew.Duration());
        var between = skews.Count == 2 ? (skews[0].Skew - skews[1].Skew).Duration() : TimeSpan.Zero;
        var message = string.Join(", ", skews.Select(s => $"{s.Site.ToWire()} {ClockProbe.Format(s.Skew)}")) + " against this machine"
                      + (skews.Count == 2 ? $"; {between.TotalSeconds:0.0} s between the sites" : "")
                      + (unknown.Count > 0 ? $"; {string.Join("; ", unknown)}" : "");
        var status = worst > SkewFailure || between > SkewFailure ? CheckStatus.Fail : worst > SkewWarning || between > SkewWarning ? CheckStatus.Warn : CheckStatus.Ok;
        return new DoctorCheck("clock_skew", "clock skew", status, message,
            status == CheckStatus.Ok ? null : "synchronise the clocks of both site servers and this machine with NTP (timedatectl set-ntp true)");
    }

    public static DoctorCheck TimeZones(IReadOnlyList<SiteProbe> probes, DateTimeOffset now)
    {
        var reachable = probes.Where(p => p.Ok).ToList();
        if (reachable.Count == 0) return new DoctorCheck("time_zones", "time zones", CheckStatus.Skip, "skipped: no site is reachable");
        var parts = new List<string>();
        var problems = new List<string>();
        foreach (var probe in reachable)
        {
            var zoneName = probe.Info!.TimeZone;
            if (TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var zone))
            {
                var offset = zone.GetUtcOffset(now);
                parts.Add($"{probe.Site.ToWire()} {zoneName} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})");
            }
            else
            {
                problems.Add($"{probe.Site.ToWire()} site's time zone '{zoneName}' is unknown to this machine");
            }
        }

        if (problems.Count > 0)
        {
            return new DoctorCheck("time_zones", "time zones", CheckStatus.Fail, string.Join("; ", problems),
                "install the IANA time zone data on this machine (apt install tzdata), or correct System Settings > Time Zone on the site");
        }

        var differ = reachable.Select(p => p.Info!.TimeZone).Distinct(StringComparer.Ordinal).Count() > 1;
        return new DoctorCheck("time_zones", "time zones", CheckStatus.Ok,
            string.Join(", ", parts) + (differ ? "; modified times are converted to UTC before they are compared" : ""));
    }

    public static string Name(SiteName site) => site == SiteName.Cloud ? "cloud_site" : "local_site";

    public static string Title(SiteName site) => site == SiteName.Cloud ? "cloud site" : "local site";
}
