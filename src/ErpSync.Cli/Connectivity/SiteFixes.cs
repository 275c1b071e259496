using ErpSync.Core.Sites;

namespace ErpSync.Cli.Connectivity;

/// <summary>What an administrator should do about a failed request to a site, by the kind of failure.</summary>
internal static class SiteFixes
{
    public static string For(FrappeException exception, SiteName site)
    {
        var prefix = site.ToWire().ToUpperInvariant();
        var message = exception.Message;
        return exception switch
        {
            FrappeAuthenticationException =>
                $"check {prefix}_API_KEY and {prefix}_API_SECRET: in Frappe open the sync user > Settings > API Access > Generate Keys (this replaces the old secret) and copy both into .env",
            FrappePermissionException =>
                "give the API user the roles to read and write the synced DocTypes (System Manager is simplest)",
            FrappeRateLimitedException =>
                "the site is rate limiting this API user; try again later or raise the limit in the site's config",
            FrappeUnavailableException when message.Contains("resolve host name", StringComparison.Ordinal) =>
                $"check the host name in {prefix}_ERP_URL and this machine's DNS",
            FrappeUnavailableException when message.Contains("refused", StringComparison.Ordinal) =>
                $"check that the site runs at the address and port in {prefix}_ERP_URL (bench start / the web server)",
            FrappeUnavailableException when message.Contains("TLS", StringComparison.Ordinal) =>
                $"the site's certificate is not trusted by this machine; renew it, install its CA, or check that {prefix}_ERP_URL uses the right scheme",
            FrappeUnavailableException =>
                $"check the network path to {prefix}_ERP_URL (firewall, VPN, proxy) and that the site is up",
            FrappeNotFoundException =>
                $"{prefix}_ERP_URL does not point at a Frappe site (no /api); use the site's base address",
            _ => "look at the site's Error Log (and the web server log) for the cause",
        };
    }
}
