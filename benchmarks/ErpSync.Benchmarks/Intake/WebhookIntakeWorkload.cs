using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ErpSync.Benchmarks.Harness;
using ErpSync.Benchmarks.Store;
using ErpSync.Benchmarks.Sync;
using ErpSync.Store;

namespace ErpSync.Benchmarks.Intake;

/// <summary>
/// Workload 5: signed webhooks (the body <c>setup-webhook</c> installs) posted to the real server by a load
/// generator with 32 connections, each waiting for its answer before the next post; accepted/s and latency,
/// on SQLite and on PostgreSQL. A fresh database per run.
/// </summary>
internal sealed class WebhookIntakeWorkload : IWorkload
{
    private const string Workload = "5 webhook intake";
    private const int Connections = 32;

    public string Name => "intake";

    public string Description => "workload 5: signed webhooks from 32 connections into the server: accepted/s, p50/p99 (SQLite, PostgreSQL)";

    public Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken) =>
        BenchmarkReport.RunAloneAsync(arguments, output, MeasureAsync, cancellationToken);

    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(BenchmarkSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var rows = new List<ResultRow>();
        await using var sites = await SiteLab.StartAsync(TimeSpan.Zero, null, cancellationToken);
        rows.AddRange(await EngineAsync("SQLite", () => Task.FromResult(BenchmarkDatabase.Sqlite()), sites, settings, log, target: true, cancellationToken));
        if (settings.Postgres is { } server)
            rows.AddRange(await EngineAsync("PostgreSQL", () => BenchmarkDatabase.PostgresAsync(server, cancellationToken), sites, settings, log, target: false, cancellationToken));
        else
            rows.Add(ResultRow.Info(Workload, "PostgreSQL: skipped (set ERPSYNC_TEST_POSTGRES or pass --postgres)", "—", "—"));
        return rows;
    }

    private static async Task<IReadOnlyList<ResultRow>> EngineAsync(string engine, Func<Task<BenchmarkDatabase>> create, SiteLab sites, BenchmarkSettings settings, TextWriter log, bool target, CancellationToken cancellationToken)
    {
        var runs = new List<(double Rate, double P50, double P99, long Refused)>();
        for (var run = 1; run <= settings.Repeats; run++)
        {
            await using var database = await create();
            await using var state = await StateDatabase.OpenAsync(database.Setting, TimeProvider.System, null, cancellationToken);
            var (server, _, _) = await BenchServer.StartAsync(sites, state, (_, _) => new NoSyncEngine(), settings.Concurrency);
            await using (server)
            {
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = server.BaseUrl };
                await LoadAsync(http, $"w{run}", TimeSpan.FromSeconds(1), cancellationToken);
                var before = Commits(state);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var result = await LoadAsync(http, $"r{run}", TimeSpan.FromSeconds(settings.LoadSeconds), cancellationToken);
                var after = Commits(state);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                runs.Add(result);
                await log.WriteLineAsync($"  intake {engine} run {run}: {Stats.F(result.Rate)} accepted/s, p50 {Stats.F(result.P50, 2)} ms, p99 {Stats.F(result.P99, 2)} ms, refused {result.Refused}; "
                    + $"SQLite writer: {after.Operations - before.Operations} writes in {after.Batches - before.Batches} commits; "
                    + $"process CPU {Stats.F(cpu.TotalMicroseconds / (result.Rate * settings.LoadSeconds))} µs per accepted webhook (server and generator)");
            }
        }

        var rate = Stats.Median(runs.Select(r => r.Rate));
        var p99 = Stats.Median(runs.Select(r => r.P99));
        var refused = runs.Sum(r => r.Refused);
        return
        [
            target
                ? new(Workload, $"{engine}: accepted/s ({Connections} connections, durable enqueue before 200)", Stats.F(rate), "—", "—", "≥ 5,000/s", rate >= 5000 && refused == 0, Stats.Runs(runs.Select(r => r.Rate)))
                : ResultRow.Info(Workload, $"{engine}: accepted/s ({Connections} connections, durable enqueue before 200)", Stats.F(rate), Stats.Runs(runs.Select(r => r.Rate))),
            ResultRow.Info(Workload, $"{engine}: p50 latency, ms", Stats.F(Stats.Median(runs.Select(r => r.P50)), 2), Stats.Runs(runs.Select(r => r.P50), 2)),
            target
                ? new(Workload, $"{engine}: p99 latency, ms", Stats.F(p99, 2), "—", "—", "< 20 ms", p99 < 20, Stats.Runs(runs.Select(r => r.P99), 2))
                : ResultRow.Info(Workload, $"{engine}: p99 latency, ms", Stats.F(p99, 2), Stats.Runs(runs.Select(r => r.P99), 2)),
        ];
    }

    // The SQLite writer counts its group commits (intake enqueues plus the workers' claims and completions).
    private static (long Batches, long Operations) Commits(IStateDatabase state) =>
        state is ErpSync.Store.Sqlite.SqliteStateDatabase sqlite ? (sqlite.Writer.CommittedBatches, sqlite.Writer.CommittedOperations) : (0, 0);

    private static async Task<(double Rate, double P50, double P99, long Refused)> LoadAsync(HttpClient http, string tag, TimeSpan duration, CancellationToken cancellationToken)
    {
        var key = Encoding.UTF8.GetBytes(BenchServer.Secret);
        var latencies = new List<double>[Connections];
        long refused = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(c => Task.Run(
            async () =>
            {
                var mine = latencies[c] = new List<double>(65_536);
                for (var i = 0; clock.Elapsed < duration; i++)
                {
                    var body = Encoding.UTF8.GetBytes($"{{\"doctype\": \"Customer\", \"name\": \"CUST-{tag}-{c:D2}-{i:D7}\", \"action\": \"on_update\", \"modified\": \"2026-01-15 10:11:12.123456\", \"modified_by\": \"Administrator\", \"docstatus\": 0}}");
                    using var request = new HttpRequestMessage(HttpMethod.Post, "webhook/cloud") { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    request.Headers.TryAddWithoutValidation("X-Frappe-Webhook-Signature", Convert.ToBase64String(HMACSHA256.HashData(key, body)));
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request, cancellationToken);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.OK)
                        mine.Add(elapsed);
                    else
                        Interlocked.Increment(ref refused);
                }
            },
            cancellationToken)));
        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToList();
        return (all.Count / clock.Elapsed.TotalSeconds, Stats.Percentile(all, 0.50), Stats.Percentile(all, 0.99), refused);
    }
}
