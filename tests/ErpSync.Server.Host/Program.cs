using System.Globalization;
using System.Runtime.InteropServices;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;
using ErpSync.Frappe;
using ErpSync.Frappe.Resilience;
using ErpSync.Server;
using ErpSync.Server.Host;
using ErpSync.Server.Queue;
using ErpSync.Store;
using Microsoft.Extensions.DependencyInjection;

// `erpsync serve` stand-in for the Server tests: the real server, engine, clients and state database in a process
// of its own. Settings come from ERPSYNC_HOST_* variables so no secret shows in a process list. It prints
//   listening URL                                  when ready
//   write SITE OP DOCTYPE NAME START END           after each write to a site (tab-separated, UTC ticks)
//   item SOURCE DOCTYPE NAME KIND                  after each queue item's result is stored
//   stopped                                        after a graceful stop (SIGTERM or SIGINT)
var time = TimeProvider.System;
var docTypes = Setting("DOCTYPES", "Customer").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
await using var database = await StateDatabase.OpenAsync(Required("DB"), time, null, CancellationToken.None);
using var cloud = Client(SiteName.Cloud, "CLOUD");
using var local = Client(SiteName.Local, "LOCAL");
var engine = new SyncEngine(new TracingSite(cloud), new TracingSite(local), database.Store, database.Locks, new SyncRules { DocTypes = docTypes }, time);
var options = new ServerOptions
{
    Host = "127.0.0.1",
    Port = int.Parse(Setting("PORT", "0"), CultureInfo.InvariantCulture),
    WebhookSecret = Environment.GetEnvironmentVariable("ERPSYNC_HOST_WEBHOOK_SECRET"),
    DocTypes = docTypes,
    Workers = int.Parse(Setting("WORKERS", "4"), CultureInfo.InvariantCulture),
    SweepInterval = Seconds("SWEEP_SECONDS", "0"),
    SweepOverlap = TimeSpan.Zero,
    Lease = Seconds("LEASE_SECONDS", "30"),
    Retry = new RetryRules { MaxAttempts = 30, BackoffSeconds = 0.05 },
    MaxRetryDelay = TimeSpan.FromMilliseconds(500),
    ShutdownGrace = Seconds("GRACE_SECONDS", "5"),
    QueuePollInterval = TimeSpan.FromMilliseconds(500),
};
var app = ErpSyncServer.Create(options, new ServerDependencies
{
    Database = database,
    Engine = engine,
    Cloud = ServerSite.From(cloud),
    Local = ServerSite.From(local),
    Time = time,
});
app.Services.GetRequiredService<QueueItemProcessor>().ItemRecorded += (item, outcome) =>
    HostOutput.Say(string.Join('\t', "item", item.Source.ToWire(), item.DocType, item.DocName, outcome.Kind.ToString()));

using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
await app.StartAsync();
HostOutput.Say("listening " + ErpSyncServer.ListeningUrl(app));
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Asked to stop.
}

await app.StopAsync();
await app.DisposeAsync();
HostOutput.Say("stopped");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

static string Setting(string name, string fallback) => Environment.GetEnvironmentVariable("ERPSYNC_HOST_" + name) is { Length: > 0 } value ? value : fallback;

static string Required(string name) => Environment.GetEnvironmentVariable("ERPSYNC_HOST_" + name) is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException($"ERPSYNC_HOST_{name} is not set.");

static TimeSpan Seconds(string name, string fallback) => TimeSpan.FromSeconds(double.Parse(Setting(name, fallback), CultureInfo.InvariantCulture));

static FrappeSiteClient Client(SiteName site, string prefix) => FrappeSiteClient.Create(
    new FrappeSiteOptions
    {
        Site = site,
        BaseUrl = new Uri(Required(prefix + "_URL")),
        ApiKey = Required(prefix + "_KEY"),
        ApiSecret = Required(prefix + "_SECRET"),
        Retry = new RetryRules { MaxAttempts = 2, BackoffSeconds = 0.02 },
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(10),
        Circuit = new FrappeCircuitOptions { BreakDuration = TimeSpan.FromMilliseconds(500), SamplingDuration = TimeSpan.FromSeconds(5) },
    },
    TimeProvider.System,
    null);
