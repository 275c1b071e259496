namespace ErpSync.Core.Sites;

/// <summary>Helpers for <see cref="SiteName"/>.</summary>
public static class SiteNameExtensions
{
    /// <summary>The other side of the pair.</summary>
    public static SiteName Other(this SiteName site) => site == SiteName.Cloud ? SiteName.Local : SiteName.Cloud;

    /// <summary>The lowercase word used in URLs, config, logs and the database: <c>cloud</c> or <c>local</c>.</summary>
    public static string ToWire(this SiteName site) => site == SiteName.Cloud ? "cloud" : "local";

    /// <summary>Parses <c>cloud</c>/<c>local</c> (case-insensitive).</summary>
    public static bool TryParseWire(string? value, out SiteName site)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "cloud": site = SiteName.Cloud; return true;
            case "local": site = SiteName.Local; return true;
            default: site = default; return false;
        }
    }
}
