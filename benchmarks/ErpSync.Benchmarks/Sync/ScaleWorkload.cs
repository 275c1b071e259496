using ErpSync.Benchmarks.Harness;
using ErpSync.Benchmarks.Store;

namespace ErpSync.Benchmarks.Sync;

/// <summary>
/// Workload 7: the initial sync of 1k, 10k and 100k Customers — time and memory per document should stay flat.
/// The largest size runs once (it takes minutes); <c>--quick</c> caps it.
/// </summary>
internal sealed class ScaleWorkload : IWorkload
{
    private const string Workload = "7 scale curve";

    public string Name => "scale";

    public string Description => "workload 7: initial sync of 1k / 10k / 100k Customers (µs per doc, peak RSS per doc)";

    public Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken) =>
        BenchmarkReport.RunAloneAsync(arguments, output, MeasureAsync, cancellationToken);

    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(BenchmarkSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        int[] sizes = settings.ScaleMax >= 100_000 ? [1_000, 10_000, settings.ScaleMax] : [1_000, Math.Min(10_000, settings.ScaleMax)];
        var rows = new List<ResultRow>();
        double? firstMsPerDoc = null;
        foreach (var size in sizes.Distinct())
        {
            var repeats = size >= 100_000 ? 1 : settings.Repeats;
            var results = new List<SyncRunResult>();
            for (var run = 1; run <= repeats; run++)
            {
                await using var sites = await SiteLab.StartAsync(TimeSpan.Zero, null, cancellationToken);
                Dataset.Insert(sites.Cloud.Backdoor, size, 0, 0, "Scale ");
                await using var database = BenchmarkDatabase.Sqlite();
                var result = await SyncChild.RunAsync(sites, database.Setting, settings.Concurrency, cancellationToken);
                if (result.Success < size || result.Failed > 0)
                    throw new InvalidOperationException($"The scale sync of {size} Customers applied {result.Success}, failed {result.Failed}.");
                results.Add(result);
                await log.WriteLineAsync($"  scale {size}: {Stats.F(result.Seconds, 1)} s, {Stats.F(size / result.Seconds)} docs/s, peak RSS {Stats.F(result.PeakRssMb)} MB, {result.Requests} requests");
            }

            var msPerDoc = results.Select(r => r.Seconds * 1000 / size).ToList();
            var median = Stats.Median(msPerDoc);
            firstMsPerDoc ??= median;
            var label = $"{size:N0} Customers" + (size == sizes[^1] && settings.ScaleMax < 100_000 ? $" (the curve was capped here by {(settings.Quick ? "--quick" : "--scale-max")}; the 100,000 point was not run)" : "");
            rows.Add(ResultRow.Info(Workload, $"{label}: ms per document", Stats.F(median, 2), Stats.Runs(msPerDoc, 2), $"{Stats.F(firstMsPerDoc.Value, 2)} at 1k", Stats.F(median / firstMsPerDoc.Value, 2) + "×"));
            rows.Add(ResultRow.Info(Workload, $"{label}: docs/s", Stats.F(size / Stats.Median(results.Select(r => r.Seconds))), string.Join(" / ", results.Select(r => Stats.F(size / r.Seconds)))));
            rows.Add(ResultRow.Info(Workload, $"{label}: peak RSS MB (KB per document)", $"{Stats.F(Stats.Median(results.Select(r => r.PeakRssMb)))} ({Stats.F(Stats.Median(results.Select(r => r.PeakRssMb)) * 1024 / size, 1)})", Stats.Runs(results.Select(r => r.PeakRssMb))));
            rows.Add(ResultRow.Info(Workload, $"{label}: requests per document", Stats.F(Stats.Median(results.Select(r => (double)r.Requests / size)), 2), Stats.Runs(results.Select(r => (double)r.Requests / size), 2)));
        }

        return rows;
    }
}
