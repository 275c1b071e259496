using System.Diagnostics;
using System.Text.Json.Nodes;
using ErpSync.Benchmarks.Harness;
using ErpSync.Core.Sites;

namespace ErpSync.Benchmarks.Sync;

/// <summary>
/// Workload 1: the emulator's rates for the requests a sync makes — a list page of stamps, GET one document,
/// POST (a new document, in the initial sync's mix of Customers, Items and Sales Orders) and PUT (a change) —
/// through the real client with its concurrency, many callers at once.
/// </summary>
internal sealed class CeilingWorkload : IWorkload
{
    private const string Workload = "1 ceiling";

    public string Name => "ceiling";

    public string Description => "workload 1: emulator rates for list page / GET / POST / PUT at the client's concurrency";

    public async Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var settings = BenchmarkSettings.From(arguments);
        arguments.RejectUnknown();
        var (_, rows) = await MeasureAsync(settings, output, cancellationToken);
        await BenchmarkReport.PrintAsync(rows, output);
        return 0;
    }

    public static async Task<(CeilingRates Rates, IReadOnlyList<ResultRow> Rows)> MeasureAsync(BenchmarkSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var runs = new List<CeilingRates>();
        var phase = TimeSpan.FromSeconds(settings.Quick ? 1 : 3);
        for (var run = 1; run <= settings.Repeats; run++)
        {
            await using var sites = await SiteLab.StartAsync(TimeSpan.Zero, null, cancellationToken);
            var data = Dataset.Insert(sites.Local.Backdoor, 2_000, 50, 0);
            using var client = sites.Client(SiteName.Local, settings.Concurrency);
            var callers = settings.Concurrency * 2;
            var pages = await RateAsync(callers, phase, async (_, _) =>
            {
                var rows = 0;
                await foreach (var _ in client.ListStampsAsync("Customer", cancellationToken))
                    rows++;
                return (rows + 99) / 100;
            }, cancellationToken);
            var gets = await RateAsync(callers, phase, async (caller, i) =>
            {
                await client.GetAsync("Customer", data.Customers[((caller * 7919) + i) % data.Customers.Count], cancellationToken);
                return 1;
            }, cancellationToken);
            var posts = await RateAsync(callers, phase, async (caller, i) =>
            {
                await client.InsertAsync(MixDocType(i), NewDocument(MixDocType(i), $"c{caller}-{i}", data), cancellationToken);
                return 1;
            }, cancellationToken);
            var puts = await RateAsync(callers, phase, async (caller, i) =>
            {
                // Each caller edits its own documents, so no two callers race on one (a 409 is not the point here).
                var name = data.Customers[(caller + (i * callers)) % data.Customers.Count];
                await client.UpdateAsync("Customer", name, new JsonObject { ["customer_details"] = $"edit {i}" }, null, cancellationToken);
                return 1;
            }, cancellationToken);
            runs.Add(new CeilingRates(pages, gets, posts, puts));
            await log.WriteLineAsync($"  ceiling run {run}: list {Stats.F(pages)} pages/s, GET {Stats.F(gets)}/s, POST {Stats.F(posts)}/s, PUT {Stats.F(puts)}/s");
        }

        var median = new CeilingRates(Stats.Median(runs.Select(r => r.ListPages)), Stats.Median(runs.Select(r => r.Gets)), Stats.Median(runs.Select(r => r.Posts)), Stats.Median(runs.Select(r => r.Puts)));
        var c = settings.Concurrency;
        ResultRow[] rows =
        [
            ResultRow.Info(Workload, $"list page (100 stamps), pages/s, client concurrency {c}", Stats.F(median.ListPages), Stats.Runs(runs.Select(r => r.ListPages))),
            ResultRow.Info(Workload, $"GET one document, req/s, concurrency {c}", Stats.F(median.Gets), Stats.Runs(runs.Select(r => r.Gets))),
            ResultRow.Info(Workload, $"POST new document (10:2:5 Customer/Item/Sales Order mix), req/s, concurrency {c} — **write ceiling**", Stats.F(median.Posts), Stats.Runs(runs.Select(r => r.Posts))),
            ResultRow.Info(Workload, $"PUT change, req/s, concurrency {c}", Stats.F(median.Puts), Stats.Runs(runs.Select(r => r.Puts))),
        ];
        return (median, rows);
    }

    // The initial sync's proportions: 10 Customers, 2 Items, 5 Sales Orders in every 17 documents.
    private static string MixDocType(int i) => (i % 17) switch
    {
        < 10 => "Customer",
        < 12 => "Item",
        _ => "Sales Order",
    };

    private static JsonObject NewDocument(string docType, string key, Dataset data) => docType switch
    {
        "Customer" => new JsonObject { ["customer_name"] = "Ceiling " + key, ["customer_group"] = "Commercial", ["territory"] = "India" },
        "Item" => new JsonObject { ["item_code"] = "CEIL-" + key, ["item_name"] = "Ceiling " + key, ["item_group"] = "Products" },
        _ => new JsonObject
        {
            ["customer"] = data.Customers[key.Length % data.Customers.Count],
            ["delivery_date"] = "2099-01-31",
            ["items"] = new JsonArray(
                new JsonObject { ["item_code"] = data.Items[0], ["qty"] = 1, ["rate"] = 10.5 },
                new JsonObject { ["item_code"] = data.Items[1], ["qty"] = 2, ["rate"] = 11.5 },
                new JsonObject { ["item_code"] = data.Items[2], ["qty"] = 3, ["rate"] = 12.5 }),
        },
    };

    /// <summary>Units per second done by <paramref name="callers"/> loops calling <paramref name="step"/> until <paramref name="duration"/> is over.</summary>
    private static async Task<double> RateAsync(int callers, TimeSpan duration, Func<int, int, Task<int>> step, CancellationToken cancellationToken)
    {
        long units = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(
            async () =>
            {
                for (var i = 0; clock.Elapsed < duration; i++)
                    Interlocked.Add(ref units, await step(caller, i));
            },
            cancellationToken)));
        return units / clock.Elapsed.TotalSeconds;
    }
}
