using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;
using ErpSync.Frappe;
using ErpSync.Frappe.Resilience;
using ErpSync.Server.Queue;
using ErpSync.Server.Webhooks;
using ErpSync.Store;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Tests.Support;

/// <summary>
/// A real server on 127.0.0.1 with an ephemeral port, a real state database (a fresh SQLite file unless a
/// setting is given), clients for an emulated site pair, and the given engine. Captures the server's logs and
/// every stored item result, so tests wait on those signals instead of sleeping.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret-0123456789";

    private readonly TemporaryDirectory? _folder;
    private readonly FrappeSiteClient _cloud;
    private readonly FrappeSiteClient _local;
    private readonly ConcurrentQueue<RecordedItem> _recorded = new();
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopped;

    private ServerHarness(WebApplication app, IStateDatabase database, ServerOptions options, CapturingLoggerProvider logs, ILoggerFactory loggers,
        TemporaryDirectory? folder, FrappeSiteClient cloud, FrappeSiteClient local)
    {
        App = app;
        Database = database;
        Options = options;
        LogCapture = logs;
        Loggers = loggers;
        _folder = folder;
        _cloud = cloud;
        _local = local;
        BaseUrl = ErpSyncServer.ListeningUrl(app);
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Get<QueueItemProcessor>().ItemRecorded += (item, outcome) =>
        {
            _recorded.Enqueue(new RecordedItem(item, outcome));
            Pulse();
        };
    }

    public WebApplication App { get; }

    public IStateDatabase Database { get; }

    public ServerOptions Options { get; }

    public CapturingLoggerProvider LogCapture { get; }

    public ILoggerFactory Loggers { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public FrappeSiteClient CloudClient => _cloud;

    public FrappeSiteClient LocalClient => _local;

    public IReadOnlyList<RecordedItem> Recorded => _recorded.ToArray();

    public static ServerOptions DefaultOptions => new()
    {
        Host = "127.0.0.1",
        Port = 0,
        WebhookSecret = Secret,
        DocTypes = ["Customer", "Item", "Sales Order"],
        Workers = 2,
        SweepInterval = TimeSpan.Zero,
        Lease = TimeSpan.FromSeconds(30),
        Retry = new RetryRules { MaxAttempts = 3, BackoffSeconds = 0.01 },
        ShutdownGrace = TimeSpan.FromSeconds(5),
    };

    public static async Task<ServerHarness> StartAsync(
        EmulatedSitePair sites,
        ISyncEngine engine,
        Func<ServerOptions, ServerOptions>? configure = null,
        TimeProvider? time = null,
        string? database = null,
        Func<SiteCircuitState>? cloudCircuit = null,
        Func<IStateDatabase, IStateDatabase>? wrapDatabase = null)
    {
        time ??= TimeProvider.System;
        var logs = new CapturingLoggerProvider();
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var folder = database is null ? new TemporaryDirectory() : null;
        var opened = await StateDatabase.OpenAsync(database ?? Path.Combine(folder!.Path, "state.db"), time, loggers, CancellationToken.None);
        var db = wrapDatabase is null ? opened : wrapDatabase(opened);
        var cloud = Client(sites.Cloud.BaseUrl, sites.Cloud.ApiKey, sites.Cloud.ApiSecret, SiteName.Cloud, time, loggers);
        var local = Client(sites.Local.BaseUrl, sites.Local.ApiKey, sites.Local.ApiSecret, SiteName.Local, time, loggers);
        var options = (configure ?? (o => o))(DefaultOptions);
        var app = ErpSyncServer.Create(options, new ServerDependencies
        {
            Database = db,
            Engine = engine,
            Cloud = cloudCircuit is null ? ServerSite.From(cloud) : new ServerSite(cloud, cloudCircuit, cloud.BaseUrl),
            Local = ServerSite.From(local),
            Time = time,
            Loggers = loggers,
            Random = new Random(42),
        });
        await app.StartAsync();
        return new ServerHarness(app, db, options, logs, loggers, folder, cloud, local);
    }

    /// <summary>A client that gives up quickly on a site that is down and closes its circuit again soon, so fault tests stay short.</summary>
    public static FrappeSiteClient Client(Uri url, string key, string secret, SiteName site, TimeProvider time, ILoggerFactory? loggers) =>
        FrappeSiteClient.Create(
            new FrappeSiteOptions
            {
                Site = site,
                BaseUrl = url,
                ApiKey = key,
                ApiSecret = secret,
                Retry = new RetryRules { MaxAttempts = 2, BackoffSeconds = 0.02 },
                MaxRetryDelay = TimeSpan.FromMilliseconds(200),
                RequestTimeout = TimeSpan.FromSeconds(10),
                Circuit = new FrappeCircuitOptions { BreakDuration = TimeSpan.FromMilliseconds(500), SamplingDuration = TimeSpan.FromSeconds(5) },
            },
            time,
            loggers);

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Posts a body to <c>/webhook/{site}</c>, signed with the harness secret unless <paramref name="signature"/> says otherwise ("" = no header).</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(string site, string body, string? signature = null, string? contentType = null, string query = "")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"webhook/{site}{query}") { Content = new ByteArrayContent(bytes) };
        if (contentType is not null)
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        signature ??= new WebhookSignature(Secret).Sign(bytes);
        if (signature.Length > 0)
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        return Http.SendAsync(request);
    }

    /// <summary>Queues an event the way a site does: a signed webhook; fails unless the server answers 200.</summary>
    public async Task<long> EnqueueAsync(string site, string docType, string name, string action = "on_update")
    {
        var body = $"{{\"doctype\": \"{docType}\", \"name\": \"{name}\", \"action\": \"{action}\"}}";
        using var response = await PostWebhookAsync(site, body);
        response.EnsureSuccessStatusCode();
        var reply = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (long)reply["id"]!;
    }

    /// <summary>The raw queue rows (status, attempts, error) of a SQLite state database, for assertions the queue API does not expose.</summary>
    public async Task<IReadOnlyList<(long Id, string DocName, string Status, int Attempts, string? Error)>> QueueRowsAsync()
    {
        var path = Database.Description.StartsWith("SQLite ", StringComparison.Ordinal) ? Database.Description["SQLite ".Length..] : throw new InvalidOperationException("SQLite only");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, docname, status, attempts, error_message FROM webhook_queue ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string, string, int, string?)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return rows;
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the stored item results, re-checking at each new result.</summary>
    public async Task<IReadOnlyList<RecordedItem>> WaitForRecordedAsync(Func<IReadOnlyList<RecordedItem>, bool> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
                changed = _changed.Task;
            var recorded = Recorded;
            if (condition(recorded))
                return recorded;
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Condition not met within the timeout; {recorded.Count} item result(s) stored: "
                    + string.Join(", ", recorded.TakeLast(10).Select(r => $"{r.Item.DocType}/{r.Item.DocName}:{r.Outcome.Kind}")));
            }
        }
    }

    /// <summary>Waits until no item is pending, retrying or in progress (re-checked at each stored result).</summary>
    public Task WaitForQueueDrainedAsync(TimeSpan? timeout = null) =>
        WaitForConditionAsync(async () =>
        {
            var stats = await Database.Queue.GetStatsAsync(CancellationToken.None);
            return stats.Pending + stats.Retrying + stats.Processing == 0;
        }, timeout);

    /// <summary>Waits until <paramref name="condition"/> is true, checking now and after each stored item result.</summary>
    public async Task WaitForConditionAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
                changed = _changed.Task;
            if (await condition())
                return;
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Condition not met within the timeout.");
            }
        }
    }

    public Task<IReadOnlyList<RecordedItem>> WaitForRecordedCountAsync(int count, TimeSpan? timeout = null) =>
        WaitForRecordedAsync(r => r.Count >= count, timeout);

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
            await App.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await App.DisposeAsync();
        Http.Dispose();
        await Database.DisposeAsync();
        _cloud.Dispose();
        _local.Dispose();
        Loggers.Dispose();
        _folder?.Dispose();
    }

    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}
