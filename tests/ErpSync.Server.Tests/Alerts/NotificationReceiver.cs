using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Server.Tests.Alerts;

/// <summary>
/// A tiny HTTP endpoint on 127.0.0.1 standing in for a chat or e-mail gateway: it keeps every POSTed body and
/// answers with <see cref="NextStatus"/> (200 unless a test wants the gateway to fail).
/// </summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private readonly List<JsonNode> _all = [];

    private NotificationReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Status codes to answer with, in order; 200 once they are used up.</summary>
    public Queue<HttpStatusCode> NextStatus { get; } = new();

    public IReadOnlyList<JsonNode> Received
    {
        get
        {
            lock (_all)
                return _all.ToList();
        }
    }

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new NotificationReceiver(app);
        app.MapPost("/hooks/T0KEN-in-the-path", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var node = JsonNode.Parse(body)!;
            node["content_type"] = request.ContentType;
            lock (receiver._all)
                receiver._all.Add(node);
            receiver._received.Writer.TryWrite(node);
            HttpStatusCode status;
            lock (receiver.NextStatus)
                status = receiver.NextStatus.Count > 0 ? receiver.NextStatus.Dequeue() : HttpStatusCode.OK;
            return Results.StatusCode((int)status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks/T0KEN-in-the-path");
        return receiver;
    }

    /// <summary>Waits for the next body POSTed after the ones already read with this method.</summary>
    public async Task<JsonNode> NextAsync(CancellationToken cancellationToken) =>
        await _received.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
