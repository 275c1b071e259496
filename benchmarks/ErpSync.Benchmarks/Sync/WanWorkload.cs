using ErpSync.Benchmarks.Harness;
using ErpSync.Benchmarks.Store;

namespace ErpSync.Benchmarks.Sync;

/// <summary>
/// Workload 8: 30 ms injected before every API request on both sites; the initial sync (a 1/40 slice of workload
/// 2's mix, so the one-at-a-time run stays short) with the product's concurrency against a client and engine
/// that make one request at a time.
/// </summary>
internal sealed class WanWorkload : IWorkload
{
    private const string Workload = "8 WAN 30 ms";

    public string Name => "wan";

    public string Description => "workload 8: 30 ms per request on both sites: concurrent vs one-request-at-a-time initial sync";

    public Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken) =>
        BenchmarkReport.RunAloneAsync(arguments, output, MeasureAsync, cancellationToken);

    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(BenchmarkSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var divisor = settings.Quick ? 5 : 40;
        var (customers, items, orders) = (Math.Max(settings.Customers / divisor, 10), Math.Max(settings.Items / divisor, 3), Math.Max(settings.SalesOrders / divisor, 5));
        var documents = customers + items + orders;
        var concurrent = new List<double>();
        var serial = new List<double>();
        for (var run = 1; run <= settings.Repeats; run++)
        {
            foreach (var (concurrency, into) in new[] { (settings.Concurrency, concurrent), (1, serial) })
            {
                await using var sites = await SiteLab.StartAsync(TimeSpan.FromMilliseconds(30), null, cancellationToken);
                Dataset.Insert(sites.Cloud.Backdoor, customers, items, orders);
                await using var database = BenchmarkDatabase.Sqlite();
                var result = await SyncChild.RunAsync(sites, database.Setting, concurrency, cancellationToken);
                if (result.Success < documents || result.Failed > 0)
                    throw new InvalidOperationException($"The WAN sync applied {result.Success} of {documents}, failed {result.Failed}.");
                into.Add(documents / result.Seconds);
                await log.WriteLineAsync($"  wan run {run}, concurrency {concurrency}: {Stats.F(result.Seconds, 1)} s, {Stats.F(into[^1], 1)} docs/s, {result.Requests} requests");
            }
        }

        var speedups = concurrent.Zip(serial, (c, s) => c / s).ToList();
        var speedup = Stats.Median(speedups);
        var mix = $"{customers} Customers + {items} Items + {orders} Sales Orders";
        return
        [
            ResultRow.Info(Workload, $"{mix}, concurrency {settings.Concurrency}: docs/s", Stats.F(Stats.Median(concurrent), 1), Stats.Runs(concurrent, 1)),
            ResultRow.Info(Workload, $"same, one request at a time (client and engine concurrency 1): docs/s", Stats.F(Stats.Median(serial), 1), Stats.Runs(serial, 1)),
            new(Workload, "speed-up of concurrency over one-at-a-time", Stats.F(speedup, 1) + "×", "—", "—", "≥ 5×", speedup >= 5, Stats.Runs(speedups, 1)),
        ];
    }
}
