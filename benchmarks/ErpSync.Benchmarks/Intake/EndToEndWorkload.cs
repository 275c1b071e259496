using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ErpSync.Benchmarks.Harness;
using ErpSync.Benchmarks.Store;
using ErpSync.Benchmarks.Sync;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;
using ErpSync.Emulator;
using ErpSync.Server.Webhooks;
using ErpSync.Store;

namespace ErpSync.Benchmarks.Intake;

/// <summary>
/// Workload 6: edits of synced Customers on the cloud site at a steady rate; each edit travels as the site's
/// webhook to the real server, is queued, and is synced by its workers with the real engine. Latency is from the
/// edit's save on the cloud to the new value being readable on the local site (polled every millisecond).
/// </summary>
internal sealed class EndToEndWorkload : IWorkload
{
    private const string Workload = "6 end-to-end";
    private const int Pool = 400;

    public string Name => "e2e";

    public string Description => "workload 6: edit on one site -> visible on the other via webhook + worker, at 20 and 200 edits/s (p50/p99)";

    public Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken) =>
        BenchmarkReport.RunAloneAsync(arguments, output, MeasureAsync, cancellationToken);

    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(BenchmarkSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var results = new Dictionary<int, List<(double P50, double P99, int Lost, int Superseded)>> { [20] = [], [200] = [] };
        for (var run = 1; run <= settings.Repeats; run++)
        {
            await using var sites = await SiteLab.StartAsync(TimeSpan.Zero, BenchServer.Secret, cancellationToken);
            var cloudNames = Dataset.Insert(sites.Cloud.Backdoor, Pool, 0, 0, "E2E ").Customers;
            await using var database = BenchmarkDatabase.Sqlite();
            await using var state = await StateDatabase.OpenAsync(database.Setting, TimeProvider.System, null, cancellationToken);
            var rules = new SyncRules { DocTypes = SiteLab.DocTypes };
            var (server, cloud, local) = await BenchServer.StartAsync(sites, state, (c, l) => new SyncEngine(c, l, state.Store, state.Locks, rules, TimeProvider.System, null, new SyncEngineOptions { MaxConcurrency = settings.Concurrency }), settings.Concurrency);
            await using (server)
            {
                var engine = new SyncEngine(cloud, local, state.Store, state.Locks, rules, TimeProvider.System);
                await engine.SyncAllAsync(SyncRunOptions.Default, null, cancellationToken);
                var localNames = new List<string>();
                foreach (var name in cloudNames)
                    localNames.Add((await state.Store.FindRecordAsync("Customer", SiteName.Cloud, name, cancellationToken))?.LocalName ?? throw new InvalidOperationException($"Customer {name} was not synced."));
                InstallWebhooks(sites, server.BaseUrl);
                foreach (var rate in new[] { 20, 200 })
                {
                    var result = await DriveAsync(sites, cloudNames, localNames, rate, TimeSpan.FromSeconds(settings.LoadSeconds), $"r{run}-{rate}", cancellationToken);
                    results[rate].Add(result);
                    await log.WriteLineAsync($"  e2e run {run} at {rate} edits/s: p50 {Stats.F(result.P50, 1)} ms, p99 {Stats.F(result.P99, 1)} ms, not seen within 10 s {result.Lost}, superseded by a later edit before seen {result.Superseded}");
                }
            }
        }

        var rows = new List<ResultRow>();
        foreach (var (rate, runs) in results)
        {
            var p50 = Stats.Median(runs.Select(r => r.P50));
            var p99 = Stats.Median(runs.Select(r => r.P99));
            var lost = runs.Sum(r => r.Lost);
            var superseded = runs.Sum(r => r.Superseded);
            var targeted = rate == 20;
            rows.Add(new(Workload, $"{rate} edits/s for {settings.LoadSeconds} s, cloud → local: p50 ms", Stats.F(p50, 1), "—", "—", targeted ? "< 100 ms" : "—", targeted ? p50 < 100 && lost == 0 : null, Stats.Runs(runs.Select(r => r.P50), 1)));
            rows.Add(new(Workload, $"{rate} edits/s: p99 ms" + (lost > 0 ? $" ({lost} edits not seen within 10 s)" : "") + (superseded > 0 ? $" ({superseded} edits overwritten by a later edit of the same Customer before they arrived; not in the percentiles)" : ""), Stats.F(p99, 1), "—", "—", targeted ? "< 500 ms" : "—", targeted ? p99 < 500 && lost == 0 : null, Stats.Runs(runs.Select(r => r.P99), 1)));
        }

        return rows;
    }

    /// <summary>The Webhooks <c>erpsync setup-webhook</c> installs, for Customers, on both sites.</summary>
    private static void InstallWebhooks(SiteLab sites, Uri server)
    {
        foreach (var site in new[] { SiteName.Cloud, SiteName.Local })
        {
            // Customers are not submittable, so (as setup-webhook does) they get no on_cancel Webhook.
            foreach (var docEvent in WebhookTemplate.Events.Where(e => e != "on_cancel"))
            {
                sites.Site(site).Backdoor.Insert("Webhook", new JsonObject
                {
                    ["webhook_doctype"] = "Customer", ["webhook_docevent"] = docEvent, ["enabled"] = 1,
                    ["request_url"] = new Uri(server, WebhookTemplate.Path(site)).ToString(),
                    ["request_structure"] = WebhookTemplate.RequestStructure, ["webhook_json"] = WebhookTemplate.Json(docEvent),
                    ["enable_security"] = 1, ["webhook_secret"] = BenchServer.Secret,
                    ["webhook_headers"] = new JsonArray(new JsonObject { ["key"] = "Content-Type", ["value"] = WebhookTemplate.ContentType }),
                });
            }
        }
    }

    private static async Task<(double P50, double P99, int Lost, int Superseded)> DriveAsync(SiteLab sites, List<string> cloudNames, List<string> localNames, int rate, TimeSpan duration, string tag, CancellationToken cancellationToken)
    {
        // Keyed by document: an edit whose document is edited again before it was seen can never be seen (its value
        // is overwritten); it is counted as superseded, not as lost.
        var pending = new ConcurrentDictionary<int, (string LocalName, string Marker, long Started)>();
        var superseded = 0;
        var latencies = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested || !pending.IsEmpty)
            {
                foreach (var (key, edit) in pending)
                {
                    if (sites.Local.Backdoor.Get("Customer", edit.LocalName)?["customer_details"]?.GetValue<string>() == edit.Marker && pending.TryRemove(new KeyValuePair<int, (string LocalName, string Marker, long Started)>(key, edit)))
                        latencies.Add(Stopwatch.GetElapsedTime(edit.Started).TotalMilliseconds);
                }

                await Task.Delay(1, CancellationToken.None);
            }
        }, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var edits = (int)(rate * duration.TotalSeconds);
        for (var k = 0; k < edits; k++)
        {
            var due = TimeSpan.FromSeconds((double)k / rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            var i = k % cloudNames.Count;
            var marker = $"{tag} edit {k}";
            var started = Stopwatch.GetTimestamp();
            sites.Cloud.Backdoor.Update("Customer", cloudNames[i], new JsonObject { ["customer_details"] = marker });
            if (pending.TryRemove(i, out _))
                superseded++;
            pending[i] = (localNames[i], marker, started);
        }

        // Edits still travelling get 10 s; whatever is left then was not delivered in time.
        await stop.CancelAsync();
        await Task.WhenAny(poller, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
        var lost = pending.Count;
        pending.Clear();
        await poller;
        var sorted = latencies.Order().ToList();
        return (Stats.Percentile(sorted, 0.50), Stats.Percentile(sorted, 0.99), lost, superseded);
    }
}
