using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>Reads a running server's <c>/status</c> over HTTP (for servers in other processes).</summary>
internal static class ServerStatus
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<JsonObject> GetAsync(Uri server) =>
        (await Http.GetFromJsonAsync<JsonObject>(new Uri(server, "status"), TestContext.Current.CancellationToken))!;

    /// <summary>True when the shared queue holds nothing pending, retrying or in progress.</summary>
    public static async Task<bool> IsDrainedAsync(Uri server)
    {
        var status = await GetAsync(server);
        return (long)status["pending_webhooks"]! + (long)status["retrying_webhooks"]! + (long)status["processing_webhooks"]! == 0;
    }

    public static async Task<long> DeadAsync(Uri server) => (long)(await GetAsync(server))["dead_webhooks"]!;
}
