using System.Net;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Http;
using ErpSync.Emulator.Methods;
using ErpSync.Emulator.Seeding;
using ErpSync.Emulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpSync.Emulator;

/// <summary>
/// One emulated Frappe v14 site served over real HTTP on 127.0.0.1 (Kestrel), with in-process switches for
/// faults and a backdoor for tests. Start with <see cref="StartAsync"/>; dispose to stop.
/// </summary>
public sealed class EmulatedSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;
    private int _disposed;

    private readonly WebhookWorker _webhooks;

    private EmulatedSite(EmulatorOptions options, WebApplication app, SiteRuntime runtime, EmulatorFaults faults, WebhookWorker webhooks, Uri baseUrl)
    {
        Options = options;
        _app = app;
        _webhooks = webhooks;
        Runtime = runtime;
        Faults = faults;
        BaseUrl = baseUrl;
        Backdoor = new EmulatorBackdoor(runtime, webhooks);
    }

    /// <summary>Root URL of the site, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUrl { get; }

    public EmulatorOptions Options { get; }

    /// <summary>API key of the site's API user.</summary>
    public string ApiKey => Options.ApiKey;

    /// <summary>API secret of the site's API user.</summary>
    public string ApiSecret => Options.ApiSecret;

    /// <summary>Fault switches (also reachable at <c>/api/emulator/faults</c>).</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>In-process access to the site's data for tests.</summary>
    public EmulatorBackdoor Backdoor { get; }

    internal SiteRuntime Runtime { get; }

    /// <summary>Builds the site (schema, master records) and starts serving it.</summary>
    public static async Task<EmulatedSite> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var runtime = SiteBootstrap.Create(options);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var faults = new EmulatorFaults();
        var webhooks = new WebhookWorker(runtime, faults, loggerFactory.CreateLogger("ErpSync.Emulator.Webhooks"));
        runtime.OnEvents = new WebhookDispatcher(webhooks).Collect;
        webhooks.Start();
        var methods = new MethodRegistry();
        ClientMethods.Register(methods);
        SiteMethods.Register(methods);
        var dispatcher = new ApiDispatcher(runtime, methods, faults, new AdminApi(options, faults), loggerFactory.CreateLogger("ErpSync.Emulator"));

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "ErpSync.Emulator" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 25 * 1024 * 1024;
        });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, NoSignalLifetime>();
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await webhooks.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The emulator started but reported no address.");
        var port = new Uri(address).Port;
        return new EmulatedSite(options, app, runtime, faults, webhooks, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Stops serving; idempotent.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        await _app.StopAsync(ct);
        await _webhooks.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await StopAsync();
        await _app.DisposeAsync();
    }
}
