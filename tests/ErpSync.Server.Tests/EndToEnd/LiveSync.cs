using System.Text.Json.Nodes;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;
using ErpSync.Frappe;
using ErpSync.Server.Queue;
using ErpSync.Server.Tests.Support;
using ErpSync.Store;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>
/// The production stack in one process: two emulated sites whose Webhook documents deliver to a real server
/// on 127.0.0.1, real REST clients, a real SQLite state database and the real <see cref="SyncEngine"/> (built
/// as the CLI's composition root builds it). One per test class (see <see cref="LiveSyncFixture"/>); tests keep
/// apart by using their own customer names.
/// </summary>
internal sealed class LiveSync : IAsyncDisposable
{
    public const string Secret = "e2e-webhook-secret-0123456789abcdef";
    public const string DocType = "Customer";

    private readonly TemporaryDirectory _folder;
    private readonly FrappeSiteClient _cloudClient;
    private readonly FrappeSiteClient _localClient;
    private int _outcomes;

    private LiveSync(EmulatedSitePair sites, TemporaryDirectory folder, IStateDatabase database, FrappeSiteClient cloud, FrappeSiteClient local,
        WebApplication app, CapturingLoggerProvider logs, ILoggerFactory loggers)
    {
        Sites = sites;
        _folder = folder;
        Database = database;
        _cloudClient = cloud;
        _localClient = local;
        App = app;
        Logs = logs;
        Loggers = loggers;
        BaseUrl = ErpSyncServer.ListeningUrl(app);
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        App.Services.GetRequiredService<QueueItemProcessor>().ItemRecorded += (_, _) => Interlocked.Increment(ref _outcomes);
    }

    public EmulatedSitePair Sites { get; }

    public IStateDatabase Database { get; }

    public WebApplication App { get; }

    public CapturingLoggerProvider Logs { get; }

    public ILoggerFactory Loggers { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>Item results stored by the workers so far.</summary>
    public int Outcomes => Volatile.Read(ref _outcomes);

    /// <summary>Options for the end-to-end servers: fast retries, sweep off unless a class turns it on.</summary>
    public static ServerOptions DefaultOptions => new()
    {
        Host = "127.0.0.1",
        Port = 0,
        WebhookSecret = Secret,
        DocTypes = [DocType],
        Workers = 4,
        SweepInterval = TimeSpan.Zero,
        SweepOverlap = TimeSpan.Zero,
        Lease = TimeSpan.FromSeconds(30),
        Retry = new RetryRules { MaxAttempts = 30, BackoffSeconds = 0.05 },
        MaxRetryDelay = TimeSpan.FromMilliseconds(400),
        ShutdownGrace = TimeSpan.FromSeconds(5),
    };

    public static SyncRules Rules => new() { DocTypes = [DocType] };

    public static async Task<LiveSync> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, bool installHooks = true)
    {
        var sites = await EmulatedSitePair.StartAsync();
        var folder = new TemporaryDirectory();
        var logs = new CapturingLoggerProvider();
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        var time = TimeProvider.System;
        var database = await StateDatabase.OpenAsync(Path.Combine(folder.Path, "state.db"), time, loggers, CancellationToken.None);
        var cloud = ServerHarness.Client(sites.Cloud.BaseUrl, sites.Cloud.ApiKey, sites.Cloud.ApiSecret, SiteName.Cloud, time, loggers);
        var local = ServerHarness.Client(sites.Local.BaseUrl, sites.Local.ApiKey, sites.Local.ApiSecret, SiteName.Local, time, loggers);
        var engine = new SyncEngine(cloud, local, database.Store, database.Locks, Rules, time, loggers);
        var app = ErpSyncServer.Create((configure ?? (o => o))(DefaultOptions), new ServerDependencies
        {
            Database = database,
            Engine = engine,
            Cloud = ServerSite.From(cloud),
            Local = ServerSite.From(local),
            Time = time,
            Loggers = loggers,
        });
        await app.StartAsync();
        var live = new LiveSync(sites, folder, database, cloud, local, app, logs, loggers);
        if (installHooks)
        {
            SiteWebhooks.Install(sites.Cloud, SiteName.Cloud, DocType, live.BaseUrl, Secret);
            SiteWebhooks.Install(sites.Local, SiteName.Local, DocType, live.BaseUrl, Secret);
        }

        return live;
    }

    /// <summary>Creates a customer on a site as a desk user would (its webhooks fire); returns its name there.</summary>
    public static string CreateCustomer(Emulator.EmulatedSite site, string customerName, string? group = null) =>
        site.Backdoor.Insert(DocType, Customer(customerName, group))["name"]!.GetValue<string>();

    public static JsonObject Customer(string customerName, string? group = null)
    {
        var customer = new JsonObject { ["customer_name"] = customerName, ["customer_type"] = "Company" };
        if (group is not null)
            customer["customer_group"] = group;
        return customer;
    }

    /// <summary>Customers on <paramref name="site"/> whose customer_name starts with <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<JsonObject> Customers(Emulator.EmulatedSite site, string prefix) =>
        site.Backdoor.Query(DocType, "[\"name\", \"customer_name\", \"customer_group\", \"modified\"]", $"[[\"customer_name\", \"like\", \"{prefix}%\"]]");

    public static string Text(JsonObject document, string field) => document[field]?.GetValue<string>() ?? "";

    /// <summary>Waits until nothing is pending, retrying or in progress in the queue.</summary>
    public Task WaitForQueueDrainedAsync(TimeSpan timeout) =>
        Eventually.WaitAsync(async () =>
        {
            var stats = await Database.Queue.GetStatsAsync(CancellationToken.None);
            return stats.Pending + stats.Retrying + stats.Processing == 0;
        }, timeout, () => "queue drained");

    /// <summary>Waits for every webhook both sites have to send, and then for the queue to drain.</summary>
    public async Task WaitForQuietAsync(TimeSpan timeout)
    {
        await Sites.Cloud.Backdoor.WaitForWebhooksIdleAsync(timeout, TestContext.Current.CancellationToken);
        await Sites.Local.Backdoor.WaitForWebhooksIdleAsync(timeout, TestContext.Current.CancellationToken);
        await WaitForQueueDrainedAsync(timeout);
        // The last items may have written to a site, whose webhooks come back once more (the echo).
        await Sites.Cloud.Backdoor.WaitForWebhooksIdleAsync(timeout, TestContext.Current.CancellationToken);
        await Sites.Local.Backdoor.WaitForWebhooksIdleAsync(timeout, TestContext.Current.CancellationToken);
        await WaitForQueueDrainedAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        Sites.Cloud.Faults.Reset();
        Sites.Local.Faults.Reset();
        await App.StopAsync();
        await App.DisposeAsync();
        Http.Dispose();
        await Database.DisposeAsync();
        _cloudClient.Dispose();
        _localClient.Dispose();
        await Sites.DisposeAsync();
        Loggers.Dispose();
        _folder.Dispose();
    }
}
