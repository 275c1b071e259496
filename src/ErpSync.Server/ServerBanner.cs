using System.Globalization;
using System.Net;
using System.Text;
using ErpSync.Core.Sites;
using ErpSync.Server.Webhooks;

namespace ErpSync.Server;

/// <summary>
/// The startup banner (after the original tool's): the URLs to give each Frappe site, the health, status,
/// metrics and dashboard URLs, the database, the DocTypes and whether signatures are enforced. Unlike the
/// original it never prints the webhook secret.
/// </summary>
internal static class ServerBanner
{
    private const string Rule = "============================================================";

    public static string Format(ServerOptions options, ServerDependencies dependencies, Uri listening)
    {
        var root = PublicRoot(listening);
        var all = IsWildcard(listening.Host);
        var text = new StringBuilder();
        text.AppendLine(Rule);
        text.AppendLine(CultureInfo.InvariantCulture, $"ErpSync server {ServerInfo.Version} listening on {listening.Host}:{listening.Port}");
        text.AppendLine(Rule);
        text.AppendLine("Webhook URLs (set as the Request URL of each site's Webhooks; `erpsync setup-webhook --apply` does it):");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Cloud ERP -> {root}{WebhookTemplate.Path(SiteName.Cloud).TrimStart('/')}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Local ERP -> {root}{WebhookTemplate.Path(SiteName.Local).TrimStart('/')}");
        if (all)
            text.AppendLine("  (listening on every interface: use an address of this machine both sites can reach)");
        text.AppendLine(CultureInfo.InvariantCulture, $"Health:     {root}health");
        text.AppendLine(CultureInfo.InvariantCulture, $"Status:     {root}status");
        text.AppendLine(CultureInfo.InvariantCulture, $"Metrics:    {root}metrics");
        text.AppendLine(CultureInfo.InvariantCulture, $"Dashboard:  {root}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Sites:      cloud {dependencies.Cloud.BaseUrl?.ToString() ?? "?"}, local {dependencies.Local.BaseUrl?.ToString() ?? "?"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Database:   {dependencies.Database.Description}");
        text.AppendLine(CultureInfo.InvariantCulture, $"DocTypes:   {string.Join(", ", options.DocTypes)}");
        text.AppendLine(options.WebhookSecret is null
            ? "Signatures: NOT enforced - WEBHOOK_SECRET is not set, so anyone who can reach this port can queue events"
            : "Signatures: enforced (X-Frappe-Webhook-Signature, HMAC-SHA256 with WEBHOOK_SECRET)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Workers:    {options.Workers}, lease {options.Lease.TotalSeconds:0} s, sweep {(options.SweepInterval == TimeSpan.Zero ? "off" : $"every {options.SweepInterval.TotalSeconds:0} s")}, max body {options.MaxBodyBytes} bytes");
        text.Append(Rule);
        return text.ToString();
    }

    private static string PublicRoot(Uri listening)
    {
        var host = IsWildcard(listening.Host) ? SafeHostName() : listening.Host;
        return new UriBuilder(listening.Scheme, host, listening.Port, "/").Uri.ToString();
    }

    private static bool IsWildcard(string host) =>
        host is "0.0.0.0" or "[::]" or "::" or "*" or "+";

    private static string SafeHostName()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "localhost";
        }
    }
}
