using System.Diagnostics;
using ErpSync.Benchmarks.Harness;
using ErpSync.Benchmarks.Store;

namespace ErpSync.Benchmarks.Sync;

/// <summary>
/// Workloads 2–4 on one dataset per run: the initial sync of Customers, Items and Sales Orders (3 rows each) from
/// the cloud to an empty local site, then a no-op re-sync of the same data, then an incremental sync after 1% of
/// the documents changed on each side. Each sync is a fresh process over the same state database.
/// </summary>
internal sealed class InitialSyncWorkload : IWorkload
{
    public string Name => "initial-sync";

    public string Description => "workloads 2-4: initial sync (docs/s vs write ceiling, peak RSS), no-op re-sync, incremental 1% each side";

    public async Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var settings = BenchmarkSettings.From(arguments);
        arguments.RejectUnknown();
        var (ceiling, ceilingRows) = await CeilingWorkload.MeasureAsync(settings, output, cancellationToken);
        await BenchmarkReport.PrintAsync([.. ceilingRows, .. await MeasureAsync(settings, ceiling, output, cancellationToken)], output);
        return 0;
    }

    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(BenchmarkSettings settings, CeilingRates ceiling, TextWriter log, CancellationToken cancellationToken)
    {
        var initial = new List<SyncRunResult>();
        var noop = new List<SyncRunResult>();
        var noopSmallPages = new List<SyncRunResult>();
        var incremental = new List<SyncRunResult>();
        var changed = 0;
        for (var run = 1; run <= settings.Repeats; run++)
        {
            await using var sites = await SiteLab.StartAsync(TimeSpan.Zero, null, cancellationToken);
            var seeding = Stopwatch.StartNew();
            var cloudData = Dataset.Insert(sites.Cloud.Backdoor, settings.Customers, settings.Items, settings.SalesOrders);
            await log.WriteLineAsync($"  initial-sync run {run}: seeded {cloudData.Count} documents in {Stats.F(seeding.Elapsed.TotalSeconds, 1)} s");
            await using var database = BenchmarkDatabase.Sqlite();

            initial.Add(await SyncChild.RunAsync(sites, database.Setting, settings.Concurrency, cancellationToken));
            await log.WriteLineAsync($"    initial: {Describe(initial[^1])}");
            Check(initial[^1], cloudData.Count, "initial sync");

            noop.Add(await SyncChild.RunAsync(sites, database.Setting, settings.Concurrency, cancellationToken));
            await log.WriteLineAsync($"    no-op:   {Describe(noop[^1])}");

            // The same no-op with the 100-row stamp pages erpsync used before StampPageSize: the fix's before/after.
            Environment.SetEnvironmentVariable("ERPSYNC_BENCH_STAMP_PAGE", "100");
            try
            {
                noopSmallPages.Add(await SyncChild.RunAsync(sites, database.Setting, settings.Concurrency, cancellationToken));
            }
            finally
            {
                Environment.SetEnvironmentVariable("ERPSYNC_BENCH_STAMP_PAGE", null);
            }

            await log.WriteLineAsync($"    no-op, 100-row stamp pages (before): {Describe(noopSmallPages[^1])}");

            var localData = Dataset.Read(sites.Local.Backdoor);
            changed = cloudData.Edit(sites.Cloud.Backdoor, 100, 0, $"cloud edit {run}") + localData.Edit(sites.Local.Backdoor, 100, 50, $"local edit {run}");
            incremental.Add(await SyncChild.RunAsync(sites, database.Setting, settings.Concurrency, cancellationToken));
            await log.WriteLineAsync($"    incremental ({changed} changed): {Describe(incremental[^1])}");
            Check(incremental[^1], changed, "incremental sync");
        }

        var documents = settings.Documents;
        var docsPerSecond = initial.Select(r => documents / r.Seconds).ToList();
        var ratios = docsPerSecond.Select(d => d / ceiling.Posts).ToList();
        var noopRequestShare = noop.Zip(initial, (n, i) => (double)n.Requests / i.Requests).ToList();
        var incrementalPerChange = incremental.Select(r => r.Seconds * 1000 / changed).ToList();
        var incrementalRequestsPerChange = incremental.Select(r => (double)r.Requests / changed).ToList();
        var initialRequestsPerDoc = initial.Select(r => (double)r.Requests / documents).ToList();
        var sizes = $"{settings.Customers:N0} Customers + {settings.Items:N0} Items + {settings.SalesOrders:N0} Sales Orders (3 rows)";
        var medianRate = Stats.Median(docsPerSecond);
        var ratio = Stats.Median(ratios);
        var rss = Stats.Median(initial.Select(r => r.PeakRssMb));
        var noopSeconds = Stats.Median(noop.Select(r => r.Seconds));
        var noopShare = Stats.Median(noopRequestShare);
        return
        [
            new("2 initial sync", $"{sizes}, cloud → empty local: docs/s", Stats.F(medianRate), $"{Stats.F(ceiling.Posts)} POST/s", Stats.Percent(ratio), "≥ 60% of write ceiling", ratio >= 0.60, Stats.Runs(docsPerSecond)),
            ResultRow.Info("2 initial sync", "wall time, s", Stats.F(Stats.Median(initial.Select(r => r.Seconds)), 1), Stats.Runs(initial.Select(r => r.Seconds), 1)),
            ResultRow.Info("2 initial sync", "requests per document (both sites)", Stats.F(Stats.Median(initialRequestsPerDoc), 2), Stats.Runs(initialRequestsPerDoc, 2)),
            new("2 initial sync", "peak RSS of the sync process, MB", Stats.F(rss), "—", "—", "< 300 MB", rss < 300, Stats.Runs(initial.Select(r => r.PeakRssMb))),
            new("3 no-op re-sync", $"same {documents:N0} documents, nothing changed: wall time, s", Stats.F(noopSeconds, 2), "—", "—", "< 3 s", noopSeconds < 3, Stats.Runs(noop.Select(r => r.Seconds), 2)),
            new("3 no-op re-sync", "requests, share of the initial sync's", Stats.F(Stats.Median(noop.Select(r => (double)r.Requests))), $"{Stats.F(Stats.Median(initial.Select(r => (double)r.Requests)))} req", Stats.F(noopShare * 100, 2) + "%", "< 2%", noopShare < 0.02, Stats.Runs(noop.Select(r => (double)r.Requests))),
            ResultRow.Info("3 no-op re-sync", "before the fix: the same with 100-row stamp pages, wall time, s", Stats.F(Stats.Median(noopSmallPages.Select(r => r.Seconds)), 2), Stats.Runs(noopSmallPages.Select(r => r.Seconds), 2), "—", $"{Stats.F(Stats.Median(noopSmallPages.Select(r => (double)r.Requests)))} req"),
            ResultRow.Info("4 incremental", $"1% changed on each side ({changed} documents): wall time, s", Stats.F(Stats.Median(incremental.Select(r => r.Seconds)), 2), Stats.Runs(incremental.Select(r => r.Seconds), 2)),
            ResultRow.Info("4 incremental", "ms per changed document (∝ changes if flat vs initial)", Stats.F(Stats.Median(incrementalPerChange), 1), Stats.Runs(incrementalPerChange, 1), $"{Stats.F(1000 / medianRate, 1)} ms/doc initial"),
            ResultRow.Info("4 incremental", "requests per changed document", Stats.F(Stats.Median(incrementalRequestsPerChange), 2), Stats.Runs(incrementalRequestsPerChange, 2), $"{Stats.F(Stats.Median(initialRequestsPerDoc), 2)} req/doc initial"),
        ];
    }

    private static string Describe(SyncRunResult r) =>
        $"{Stats.F(r.Seconds, 2)} s, {r.Requests} requests (cloud {r.CloudRequests}, local {r.LocalRequests}), peak RSS {Stats.F(r.PeakRssMb)} MB, total {r.Total} applied {r.Success} skipped {r.Skipped} failed {r.Failed} conflicts {r.Conflicts}";

    // A benchmark of a sync that did not sync everything would measure the wrong thing.
    private static void Check(SyncRunResult result, int expectedApplied, string what)
    {
        if (result.Failed > 0 || result.Conflicts > 0 || result.Success < expectedApplied)
            throw new InvalidOperationException($"The {what} did not apply every document: {result.Success} applied of {expectedApplied}, {result.Failed} failed, {result.Conflicts} conflicts.");
    }
}
