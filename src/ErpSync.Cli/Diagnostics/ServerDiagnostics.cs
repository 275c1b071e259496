using ErpSync.Cli.Configuration;
using ErpSync.Store.Presence;

namespace ErpSync.Cli.Diagnostics;

/// <summary>Whether an <c>erpsync serve</c> is running: a live heartbeat in the state database, or an answer on <c>/health</c>.</summary>
internal static class ServerDiagnostics
{
    public static async Task<DoctorCheck> RunAsync(WebhookSettings webhook, IReadOnlyList<ServerInstance>? live, CancellationToken cancellationToken)
    {
        if (live is { Count: > 0 })
        {
            return new DoctorCheck("server", "server health", CheckStatus.Ok, $"running: {string.Join("; ", live.Select(s => s.Describe()))}");
        }

        var host = webhook.Host is "0.0.0.0" or "::" or "[::]" or "*" ? "127.0.0.1" : webhook.Host;
        var url = new UriBuilder(Uri.UriSchemeHttp, host, webhook.Port, "/health").Uri;
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3) }) { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode
                ? new DoctorCheck("server", "server health", CheckStatus.Ok, $"{url} answers {(int)response.StatusCode}")
                : new DoctorCheck("server", "server health", CheckStatus.Fail, $"{url} answers {(int)response.StatusCode}",
                    "see the server's log ('erpsync logs', journalctl -u erpsync) for what is unhealthy");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DoctorCheck("server", "server health", CheckStatus.Warn, $"no server is running (nothing answers on {url})",
                "start it with 'erpsync serve' (or 'sudo systemctl start erpsync'); without it changes sync only when 'erpsync sync' runs");
        }
    }
}
