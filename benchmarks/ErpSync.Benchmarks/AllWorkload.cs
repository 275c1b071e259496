using System.Diagnostics;
using ErpSync.Benchmarks.Harness;
using ErpSync.Benchmarks.Intake;
using ErpSync.Benchmarks.Sync;

namespace ErpSync.Benchmarks;

/// <summary>Workloads 1–8 in order, then BENCHMARKS.md (or <c>--out</c>) with the results table and the machine.</summary>
internal sealed class AllWorkload : IWorkload
{
    public string Name => "all";

    public string Description => "workloads 1-8 and BENCHMARKS.md (--quick: small smoke run; --repeats N; --out FILE; --only a,b)";

    public async Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var settings = BenchmarkSettings.From(arguments);
        var path = arguments.Text("out", settings.Quick ? Path.Combine(Path.GetTempPath(), "BENCHMARKS.quick.md") : DefaultPath());
        arguments.RejectUnknown();

        // Read before the run: the commit and the load the figures belong to.
        var machine = MachineFacts.Collect();
        var clock = Stopwatch.StartNew();
        var rows = new List<ResultRow>();
        CeilingRates? ceiling = null;
        (string Name, Func<Task<IReadOnlyList<ResultRow>>> Measure)[] steps =
        [
            ("workload 1: ceiling", async () =>
            {
                var (rates, ceilingRows) = await CeilingWorkload.MeasureAsync(settings, output, cancellationToken);
                ceiling = rates;
                return ceilingRows;
            }),
            ("workloads 2-4: initial, no-op and incremental sync", () => InitialSyncWorkload.MeasureAsync(settings, ceiling ?? throw new InvalidOperationException("the ceiling was not measured"), output, cancellationToken)),
            ("workload 5: webhook intake", () => WebhookIntakeWorkload.MeasureAsync(settings, output, cancellationToken)),
            ("workload 6: end-to-end latency", () => EndToEndWorkload.MeasureAsync(settings, output, cancellationToken)),
            ("workload 7: scale curve", () => ScaleWorkload.MeasureAsync(settings, output, cancellationToken)),
            ("workload 8: WAN latency", () => WanWorkload.MeasureAsync(settings, output, cancellationToken)),
        ];
        foreach (var (name, measure) in steps)
        {
            await output.WriteLineAsync(name);
            try
            {
                rows.AddRange(await measure());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken workload must not lose the others' figures; the table says what failed.
                await output.WriteLineAsync($"  {name} FAILED: {ex}");
                rows.Add(new ResultRow(name, "did not complete: " + ex.Message.ReplaceLineEndings(" "), "—", "—", "—", "—", false, "—"));
            }

            // Written after every workload, so an interrupted run still leaves what it measured.
            await BenchmarkReport.WriteAsync(path, rows, settings, clock.Elapsed, machine, Notes(settings), cancellationToken);
        }

        clock.Stop();

        await BenchmarkReport.PrintAsync(rows, output);
        await BenchmarkReport.WriteAsync(path, rows, settings, clock.Elapsed, machine, Notes(settings), cancellationToken);
        await output.WriteLineAsync($"wrote {path}");
        return rows.Any(r => r.Pass == false) ? 1 : 0;
    }

    // BENCHMARKS.md lives at the repository root: walk up from the working directory to the .slnx.
    private static string DefaultPath()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.GetFiles("*.slnx").Length > 0)
                return Path.Combine(directory.FullName, "BENCHMARKS.md");
        }

        return Path.Combine(Environment.CurrentDirectory, "BENCHMARKS.md");
    }

    private static IEnumerable<string> Notes(BenchmarkSettings settings) =>
    [
        $"Client and engine concurrency {settings.Concurrency} (the product's defaults); list pages of 100 rows (`batch_size` 100, as `erpsync sync` configures the client).",
        "The write ceiling is the emulator's POST rate for the initial sync's document mix at that concurrency; the initial sync's ratio is its docs/s over that rate (each document synced costs one POST on the local site plus the reads and state writes around it).",
        "Requests are counted by the Frappe client's own `erpsync.frappe.requests` counter (every attempt, both sites).",
        "Workload 5 uses the real server (`ErpSyncServer.Create`) and the webhook body `setup-webhook` installs; its workers claim and complete every item with an engine that does not call the sites, so the figure is the intake and the queue, not the sync. The load generator runs in the same process on the same 2 cores.",
        "Workload 6 uses the emulator's fast webhook delivery (no 0.8 s job start delay), the real server with its default 4 workers and the real engine; latency is from the save on the cloud site to the value being readable on the local site.",
        "Workload 7's 100k point runs once (minutes per run); `--quick` caps the curve at 10k.",
        "Workload 8 syncs a 1/40 slice of workload 2's mix so the one-request-at-a-time run stays within a minute.",
    ];
}
