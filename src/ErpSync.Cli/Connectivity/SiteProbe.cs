using ErpSync.Core.Sites;

namespace ErpSync.Cli.Connectivity;

/// <summary>The result of connecting to one site: what it said about itself, or why it could not be reached and what to do.</summary>
/// <param name="Site">Which site.</param>
/// <param name="Url">Its configured base URL.</param>
/// <param name="Info">User, Frappe version, time zone and round trip; <c>null</c> on failure.</param>
/// <param name="Problem">The reason it failed (DNS, refused, TLS, 401, 403…); never a secret.</param>
/// <param name="Fix">What to do about <paramref name="Problem"/>.</param>
internal sealed record SiteProbe(SiteName Site, string Url, SiteInfo? Info, string? Problem, string? Fix)
{
    public bool Ok => Info is not null;

    /// <summary>Connects once and reads the site's user, version and time zone.</summary>
    public static async Task<SiteProbe> RunAsync(IFrappeSite site, string url, CancellationToken cancellationToken)
    {
        try
        {
            var info = await site.GetSiteInfoAsync(cancellationToken);
            return new SiteProbe(site.Site, url, info, null, null);
        }
        catch (FrappeException ex)
        {
            return new SiteProbe(site.Site, url, null, ex.Message, SiteFixes.For(ex, site.Site));
        }
    }

    /// <summary>One line describing a reachable site.</summary>
    public string Describe() => Info is { } info
        ? $"user {info.User}, Frappe {info.FrappeVersion ?? "version not disclosed"}, time zone {info.TimeZone}, round trip {info.RoundTrip.TotalMilliseconds:0} ms"
        : Problem ?? "not reachable";
}
