using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using ErpSync.Core.Retrying;
using ErpSync.Server.Alerts;
using ErpSync.Server.Dashboard;
using ErpSync.Server.Health;
using ErpSync.Server.Hosting;
using ErpSync.Server.Metrics;
using ErpSync.Server.Queue;
using ErpSync.Server.Status;
using ErpSync.Server.Sweep;
using ErpSync.Server.Upkeep;
using ErpSync.Server.Verification;
using ErpSync.Server.Webhooks;
using ErpSync.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpSync.Server;

/// <summary>
/// Builds the <c>erpsync serve</c> web application: Kestrel on <see cref="ServerOptions.Host"/>:<see cref="ServerOptions.Port"/>
/// with the webhook, health, status, metrics and dashboard endpoints, the queue workers and the sweep.
/// Start it with <c>StartAsync</c>, stop it with <c>StopAsync</c> (intake closes, items in progress get
/// <see cref="ServerOptions.ShutdownGrace"/> to finish, the rest go back to the queue), then dispose it; the
/// caller owns the dependencies and disposes them afterwards. The host never handles SIGINT/SIGTERM itself.
/// </summary>
public static class ErpSyncServer
{
    /// <summary>Validates <paramref name="options"/> and builds the application (not started).</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names each and how to fix it.</exception>
    public static WebApplication Create(ServerOptions options, ServerDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dependencies);
        options.Validate();
        dependencies.Validate();
        options = options with
        {
            QueuePollInterval = options.QueuePollInterval
                ?? (dependencies.Database.Provider == StateProvider.Postgres ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10)),
        };

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "ErpSync.Server" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
                kestrel.ListenLocalhost(options.Port);
            else
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            kestrel.AddServerHeader = false;
            // The intake enforces max_body_bytes itself (413 with a reason, the excess read and discarded up to the
            // drain limit so the sender gets the answer); this only stops anything beyond that.
            kestrel.Limits.MaxRequestBodySize = WebhookBodyReader.DrainLimit(options.MaxBodyBytes) + 1;
        });

        var services = builder.Services;
        var loggers = dependencies.Loggers ?? NullLoggerFactory.Instance;
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton(loggers);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownGrace + TimeSpan.FromSeconds(15));
        services.AddRoutingCore();
        services.AddMetrics();
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = null;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

        AddComponents(services, options, dependencies);

        var app = builder.Build();
        // Listening starts now: measurements made before a listener exists are lost.
        app.Services.GetRequiredService<MetricsCollector>();
        var gate = app.Services.GetRequiredService<IntakeGate>();
        app.Lifetime.ApplicationStopping.Register(gate.Close);
        app.MapWebhookApi();
        app.MapHealthApi();
        app.MapStatusApi();
        app.MapMetricsApi();
        app.MapDashboard();
        return app;
    }

    /// <summary>The address the started application listens on (with the real port when 0 was asked for).</summary>
    /// <exception cref="InvalidOperationException">The application has not been started.</exception>
    public static Uri ListeningUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The server has not been started.");
        return new Uri(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
    }

    /// <summary>The startup banner of a started application: URLs for Frappe and operators, database, DocTypes, signature mode.</summary>
    public static string Banner(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return ServerBanner.Format(app.Services.GetRequiredService<ServerOptions>(), app.Services.GetRequiredService<ServerDependencies>(), ListeningUrl(app));
    }

    private static void AddComponents(IServiceCollection services, ServerOptions options, ServerDependencies dependencies)
    {
        var database = dependencies.Database;
        services.AddSingleton(options);
        services.AddSingleton(dependencies);
        services.AddSingleton(database);
        services.AddSingleton(database.Queue);
        services.AddSingleton(database.Store);
        services.AddSingleton(database.Locks);
        services.AddSingleton(dependencies.Engine);
        services.AddSingleton(dependencies.Time);
        services.AddSingleton<IEnumerable<ServerSite>>(dependencies.Sites.ToList());
        services.AddSingleton(new RetryPlanner(
            options.Retry,
            new BackoffScheduler(options.Retry, dependencies.Random ?? Random.Shared, options.MaxRetryDelay),
            dependencies.Time));

        services.AddSingleton<WorkSignal>();
        services.AddSingleton<IntakeGate>();
        services.AddSingleton<QueueOwner>();
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton(sp => new MetricsCollector(sp.GetRequiredService<ServerMetrics>().Meter));
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<QueueItemProcessor>();
        services.AddSingleton<DocTypeSweeper>();
        services.AddSingleton<StatusReader>();
        services.AddSingleton<HealthChecker>();
        services.AddSingleton<QueueWorker>();
        services.AddSingleton<SweepWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<SweepWorker>());
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertMonitor>();
        services.AddSingleton<VerificationWorker>();
        services.AddSingleton<HeartbeatWorker>();
        services.AddSingleton<PruningWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<HeartbeatWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        services.AddHostedService(sp => sp.GetRequiredService<VerificationWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<PruningWorker>());
    }
}
