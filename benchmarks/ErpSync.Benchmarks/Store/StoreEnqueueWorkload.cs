using System.Diagnostics;
using System.Globalization;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store;

namespace ErpSync.Benchmarks.Store;

/// <summary>
/// Webhook intake under load: concurrent producers each enqueue one event at a time and wait for its
/// durable commit, as the webhook endpoint does before answering 200. Reports items/s and per-call
/// latency; every run uses a fresh database, and the median over runs is the figure to quote.
/// </summary>
internal sealed class StoreEnqueueWorkload : IWorkload
{
    // The size of a typical Frappe webhook body for a Sales Order (doc fields as form or JSON).
    private static readonly string Payload = "{\"doctype\":\"Sales Order\",\"name\":\"SO-0000\",\"customer\":\"Müller Maschinenbau GmbH\",\"transaction_date\":\"2026-01-15\","
        + "\"delivery_date\":\"2026-01-22\",\"currency\":\"EUR\",\"grand_total\":12345.67,\"status\":\"To Deliver and Bill\",\"company\":\"ErpSync Demo\","
        + "\"modified\":\"2026-01-15 10:11:12.123456\",\"modified_by\":\"sales@example.com\",\"docstatus\":1,\"items\":[{\"item_code\":\"ITEM-0001\",\"qty\":4,\"rate\":99.5},"
        + "{\"item_code\":\"ITEM-0002\",\"qty\":1,\"rate\":12000}]}";

    public string Name => "store-enqueue";

    public string Description => "webhook intake: N producers enqueueing into the state DB (items/s, p50/p99 ms; SQLite and PostgreSQL)";

    public async Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var producers = arguments.Integer("producers", 32);
        var seconds = arguments.Integer("seconds", 5);
        var runs = arguments.Integer("runs", 5);
        var provider = arguments.Text("provider", "all").ToLowerInvariant();
        var server = arguments.OptionalText("postgres")
            ?? Environment.GetEnvironmentVariable("ERPSYNC_BENCH_POSTGRES")
            ?? Environment.GetEnvironmentVariable("ERPSYNC_TEST_POSTGRES");
        arguments.RejectUnknown();
        if (provider is not ("all" or "sqlite" or "postgres"))
            throw new ArgumentException($"--provider must be sqlite, postgres or all, not '{provider}'.");

        await output.WriteLineAsync($"store-enqueue: {producers} producers, {seconds} s per run, {runs} runs, fresh database per run, median reported");
        await output.WriteLineAsync("| engine | run | items | items/s | p50 ms | p99 ms | max ms |");
        await output.WriteLineAsync("|---|---|---:|---:|---:|---:|---:|");
        if (provider is "all" or "sqlite")
            await MeasureAsync("SQLite", () => Task.FromResult(BenchmarkDatabase.Sqlite()), producers, seconds, runs, output, cancellationToken);

        if (provider is "all" or "postgres")
        {
            if (server is null)
            {
                await output.WriteLineAsync("| PostgreSQL | skipped: pass --postgres or set ERPSYNC_BENCH_POSTGRES / ERPSYNC_TEST_POSTGRES | | | | | |");
                return provider == "postgres" ? 1 : 0;
            }

            await MeasureAsync("PostgreSQL", () => BenchmarkDatabase.PostgresAsync(server, cancellationToken), producers, seconds, runs, output, cancellationToken);
        }

        return 0;
    }

    private static async Task MeasureAsync(string engine, Func<Task<BenchmarkDatabase>> create, int producers, int seconds, int runs, TextWriter output, CancellationToken cancellationToken)
    {
        var results = new List<LatencySummary>();
        for (var run = 1; run <= runs; run++)
        {
            await using var database = await create();
            await using var state = await StateDatabase.OpenAsync(database.Setting, TimeProvider.System, null, cancellationToken);
            await LoadAsync(state.Queue, producers, TimeSpan.FromSeconds(1), cancellationToken);
            var (batches, operations) = Commits(state);
            var result = await LoadAsync(state.Queue, producers, TimeSpan.FromSeconds(seconds), cancellationToken);
            results.Add(result);
            var (batchesAfter, operationsAfter) = Commits(state);
            var perCommit = batchesAfter > batches ? $" {(double)(operationsAfter - operations) / (batchesAfter - batches):F1} writes/commit" : "";
            await output.WriteLineAsync(Row(engine, run.ToString(CultureInfo.InvariantCulture), result) + perCommit);
        }

        await output.WriteLineAsync(Row(engine, "**median**", LatencySummary.Median(results)));
    }

    private static async Task<LatencySummary> LoadAsync(IWorkQueue queue, int producers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<long>[producers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(
            async () =>
            {
                var mine = latencies[p] = new List<long>(16_384);
                for (var i = 0; clock.Elapsed < duration; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await queue.EnqueueAsync(new NewQueueItem(SiteName.Cloud, "Sales Order", $"SO-{p:D2}-{i:D6}", "on_update", Payload), cancellationToken);
                    mine.Add(Stopwatch.GetTimestamp() - started);
                }
            },
            cancellationToken)));
        clock.Stop();
        return LatencySummary.From(latencies.SelectMany(l => l), clock.Elapsed);
    }

    // The SQLite writer counts its group commits; PostgreSQL commits each transaction on its own.
    private static (long Batches, long Operations) Commits(IStateDatabase state) =>
        state is ErpSync.Store.Sqlite.SqliteStateDatabase sqlite ? (sqlite.Writer.CommittedBatches, sqlite.Writer.CommittedOperations) : (0, 0);

    private static string Row(string engine, string run, LatencySummary r) =>
        string.Create(CultureInfo.InvariantCulture, $"| {engine} | {run} | {r.Items} | {r.ItemsPerSecond:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F2} |");
}
