using ErpSync.Benchmarks.Sync;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;
using ErpSync.Frappe;
using ErpSync.Server;
using ErpSync.Store;
using Microsoft.AspNetCore.Builder;

namespace ErpSync.Benchmarks.Intake;

/// <summary>The real <c>erpsync serve</c> application on 127.0.0.1 (ephemeral port) over a given state database and engine.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string Secret = "bench-webhook-secret-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly FrappeSiteClient _cloud;
    private readonly FrappeSiteClient _local;

    private BenchServer(WebApplication app, FrappeSiteClient cloud, FrappeSiteClient local)
    {
        _app = app;
        _cloud = cloud;
        _local = local;
        BaseUrl = ErpSyncServer.ListeningUrl(app);
    }

    public Uri BaseUrl { get; }

    /// <summary>Starts the server; <paramref name="engine"/> null builds the real engine over the sites' clients.</summary>
    public static async Task<(BenchServer Server, FrappeSiteClient Cloud, FrappeSiteClient Local)> StartAsync(SiteLab sites, IStateDatabase database, Func<FrappeSiteClient, FrappeSiteClient, ISyncEngine> engine, int concurrency)
    {
        var cloud = sites.Client(SiteName.Cloud, concurrency);
        var local = sites.Client(SiteName.Local, concurrency);
        var app = ErpSyncServer.Create(
            new ServerOptions { Host = "127.0.0.1", Port = 0, WebhookSecret = Secret, DocTypes = SiteLab.DocTypes, SweepInterval = TimeSpan.Zero },
            new ServerDependencies { Database = database, Engine = engine(cloud, local), Cloud = ServerSite.From(cloud), Local = ServerSite.From(local) });
        await app.StartAsync();
        return (new BenchServer(app, cloud, local), cloud, local);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _cloud.Dispose();
        _local.Dispose();
    }
}
