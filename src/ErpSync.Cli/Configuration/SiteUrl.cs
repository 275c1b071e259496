using System.Net;

namespace ErpSync.Cli.Configuration;

/// <summary>Checks a site address and normalises it (no trailing slash). Problems never echo the value.</summary>
internal static class SiteUrl
{
    public static bool TryParse(string text, out Uri? url, out string? problem, out string? fix)
    {
        url = null;
        var example = "e.g. https://erp.example.com or http://localhost:8000";
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            (problem, fix) = ("has no http:// or https:// in front", $"Write the full address, {example}");
            return false;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed))
        {
            (problem, fix) = ("is not a valid URL", $"Write the site's address, {example}");
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            (problem, fix) = ($"uses the scheme '{parsed.Scheme}'", $"Use http:// or https://, {example}");
            return false;
        }

        if (string.IsNullOrEmpty(parsed.Host))
        {
            (problem, fix) = ("has no host name", $"Write the site's address, {example}");
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            (problem, fix) = ("contains a user name or password", "Remove them from the address; the API key and secret go in their own keys");
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment))
        {
            (problem, fix) = ("has a query (?…) or fragment (#…)", "Give only the site's base address");
            return false;
        }

        var path = parsed.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/api", StringComparison.OrdinalIgnoreCase) || path.Contains("/api/", StringComparison.OrdinalIgnoreCase) || path.Contains("/app", StringComparison.OrdinalIgnoreCase))
        {
            (problem, fix) = ("points inside the site (/api or /app)", "Give only the site's base address; ErpSync adds /api/… itself");
            return false;
        }

        url = new Uri(parsed.GetLeftPart(UriPartial.Authority) + path);
        (problem, fix) = (null, null);
        return true;
    }

    /// <summary>Whether the host is this machine (plain http there is fine).</summary>
    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
