using ErpSync.Cli.Composition;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Logging;
using ErpSync.Core.Sync;
using ErpSync.Emulator;
using ErpSync.Server;
using Microsoft.AspNetCore.Builder;
using Serilog.Events;

namespace ErpSync.Cli.Demo;

/// <summary>
/// Everything the demo runs, in process: two emulated sites, the configuration written for them and loaded
/// through the real loader, the state database, the engine and the server on a free port of 127.0.0.1.
/// Disposing stops all of it (server first, so nothing is in flight when the sites go away).
/// </summary>
internal sealed class DemoSession : IAsyncDisposable
{
    private WebApplication? server;
    private CliLogging? logging;
    private SyncServices? services;

    private DemoSession(DemoFiles files, EmulatedSite cloud, EmulatedSite local)
    {
        Files = files;
        Cloud = cloud;
        Local = local;
    }

    public DemoFiles Files { get; }

    public EmulatedSite Cloud { get; }

    public EmulatedSite Local { get; }

    public ErpSyncConfig Config { get; private set; } = null!;

    public SyncServices Services => services!;

    public SyncEngine Engine { get; private set; } = null!;

    public Uri ServerUrl { get; private set; } = null!;

    public static async Task<DemoSession> StartAsync(string folder, CliHost host, bool verbose, CancellationToken cancellationToken)
    {
        var files = DemoFiles.Create(folder);
        var cloud = await EmulatedSite.StartAsync(DemoFiles.SiteOptions("demo-cloud-key", "Asia/Kolkata", "cloud.demo.local"), cancellationToken);
        EmulatedSite? local = null;
        try
        {
            local = await EmulatedSite.StartAsync(DemoFiles.SiteOptions("demo-local-key", "Europe/Berlin", "local.demo.local"), cancellationToken);
        }
        catch
        {
            await cloud.DisposeAsync();
            throw;
        }

        var session = new DemoSession(files, cloud, local);
        try
        {
            await session.OpenAsync(host, verbose, cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task OpenAsync(CliHost host, bool verbose, CancellationToken cancellationToken)
    {
        // Warnings (the demo's own conflict among them) go to the log file only; the demo narrates instead.
        // The port is not known until the server listens; the files are rewritten with it afterwards.
        Files.Write(Cloud, Local, 5000);
        Config = Load(host);
        logging = CliLogging.Create(Config.Log, host.Redactor, host.Console.Error, verbose ? LogEventLevel.Debug : LogEventLevel.Error, verbose);
        services = await SyncServices.OpenAsync(Config, ServiceNeeds.All, host.Time, logging.LoggerFactory, cancellationToken);
        Engine = services.CreateEngine();
        var options = ServerComposition.Options(Config, "127.0.0.1", 0);
        server = ServerComposition.Build(options, services, Engine);
        await ServerComposition.StartAsync(server, options, cancellationToken);
        ServerUrl = ErpSyncServer.ListeningUrl(server);
        Files.Write(Cloud, Local, ServerUrl.Port);
        Config = Load(host);
    }

    private ErpSyncConfig Load(CliHost host)
    {
        // An empty environment: the user's own CLOUD_ERP_URL etc. must not leak into the demo.
        var sources = new ConfigSources(Files.Folder, Files.EnvPath, Files.ConfigPath, new Dictionary<string, string>());
        var config = ConfigLoader.Load(sources, ConfigRequirements.All).Config;
        host.Redactor.Add(config);
        return config;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.StopAsync(CancellationToken.None);
            await server.DisposeAsync();
            server = null;
        }

        if (services is not null) await services.DisposeAsync();
        services = null;
        await Cloud.DisposeAsync();
        await Local.DisposeAsync();
        logging?.Dispose();
        logging = null;
    }
}
