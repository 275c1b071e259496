using System.Globalization;
using System.Net;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Webhooks;

/// <summary>
/// Where the sites should deliver: <c>--url</c> when given, else <c>http://WEBHOOK_HOST:WEBHOOK_PORT</c>. A
/// wildcard host (0.0.0.0, ::) is no address a site can post to, so the machine's host name stands in for
/// printing, and <c>--apply</c> refuses to install a guess.
/// </summary>
internal static class WebhookBaseUrl
{
    public static (Uri Url, string? Note) Resolve(WebhookSettings webhook, string? url, bool apply)
    {
        if (url is not null)
        {
            if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var given) || given.Scheme is not ("http" or "https") || given.Host.Length == 0)
                throw CliException.Usage($"--url '{url}' is not an http(s) address; give the base both sites can reach, e.g. --url https://sync.example.com");
            if (!string.IsNullOrEmpty(given.Query) || given.AbsolutePath.Contains("/webhook/", StringComparison.Ordinal))
                throw CliException.Usage($"--url '{url}' should be the server's base address only (erpsync adds /webhook/cloud and /webhook/local), e.g. --url {given.GetLeftPart(UriPartial.Authority)}");
            return (given, null);
        }

        var port = webhook.Port.ToString(CultureInfo.InvariantCulture);
        if (webhook.Host is "0.0.0.0" or "::" or "[::]" or "*" or "+")
        {
            if (apply)
            {
                throw CliException.Usage(
                    $"WEBHOOK_HOST is {webhook.Host} (every interface), which is no address the sites can post to; " +
                    $"pass the address both sites reach the server at, e.g. --url http://{HostName()}:{port}");
            }

            return (new Uri($"http://{HostName()}:{port}"),
                $"WEBHOOK_HOST is {webhook.Host}, so this machine's name stands in; use --url BASE if the sites reach the server by another address.");
        }

        var host = IPAddress.TryParse(webhook.Host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{webhook.Host}]" : webhook.Host;
        return (new Uri($"http://{host}:{port}"), null);
    }

    private static string HostName()
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
