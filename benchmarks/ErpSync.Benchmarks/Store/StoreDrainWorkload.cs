using System.Diagnostics;
using System.Globalization;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store;

namespace ErpSync.Benchmarks.Store;

/// <summary>
/// Queue processing overhead: a backlog of N events drained by W workers that claim batches and
/// complete each item (no sync work), i.e. what the queue itself costs per item.
/// </summary>
internal sealed class StoreDrainWorkload : IWorkload
{
    public string Name => "store-drain";

    public string Description => "queue processing: W workers claim+complete a backlog of N items (items/s; SQLite and PostgreSQL)";

    public async Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var items = arguments.Integer("items", 10_000);
        var workers = arguments.Integer("workers", 8);
        var claim = arguments.Integer("claim", 25);
        var runs = arguments.Integer("runs", 3);
        var provider = arguments.Text("provider", "all").ToLowerInvariant();
        var server = arguments.OptionalText("postgres")
            ?? Environment.GetEnvironmentVariable("ERPSYNC_BENCH_POSTGRES")
            ?? Environment.GetEnvironmentVariable("ERPSYNC_TEST_POSTGRES");
        arguments.RejectUnknown();

        await output.WriteLineAsync($"store-drain: {items} items, {workers} workers claiming {claim} at a time, {runs} runs, median reported");
        await output.WriteLineAsync("| engine | run | enqueue s | drain s | items/s |");
        await output.WriteLineAsync("|---|---|---:|---:|---:|");
        var engines = new List<(string Name, Func<Task<BenchmarkDatabase>> Create)>();
        if (provider is "all" or "sqlite")
            engines.Add(("SQLite", () => Task.FromResult(BenchmarkDatabase.Sqlite())));
        if (provider is "all" or "postgres" && server is not null)
            engines.Add(("PostgreSQL", () => BenchmarkDatabase.PostgresAsync(server, cancellationToken)));

        foreach (var (engine, create) in engines)
        {
            var rates = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                await using var database = await create();
                await using var state = await StateDatabase.OpenAsync(database.Setting, TimeProvider.System, null, cancellationToken);
                var clock = Stopwatch.StartNew();
                foreach (var chunk in Enumerable.Range(0, items).Chunk(1000))
                    await state.Queue.EnqueueManyAsync([.. chunk.Select(i => new NewQueueItem(SiteName.Cloud, "Customer", $"CUST-{i:D6}", "on_update", "{}"))], cancellationToken);
                var enqueued = clock.Elapsed;
                clock.Restart();
                await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => DrainAsync(state.Queue, $"w{w}", claim, cancellationToken), cancellationToken)));
                var drained = clock.Elapsed;
                rates.Add(items / drained.TotalSeconds);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {engine} | {run} | {enqueued.TotalSeconds:F2} | {drained.TotalSeconds:F2} | {rates[^1]:F0} |"));
            }

            rates.Sort();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {engine} | **median** | | | {rates[rates.Count / 2]:F0} |"));
        }

        return 0;
    }

    private static async Task DrainAsync(IWorkQueue queue, string owner, int claim, CancellationToken cancellationToken)
    {
        while (true)
        {
            var items = await queue.ClaimAsync(owner, claim, TimeSpan.FromMinutes(5), cancellationToken);
            if (items.Count == 0)
                return;
            foreach (var item in items)
                await queue.CompleteAsync(item.Id, owner, cancellationToken);
        }
    }
}
