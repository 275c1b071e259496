using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;
using ErpSync.Store;

namespace ErpSync.Benchmarks.Sync;

/// <summary>
/// One full sync (<c>SyncAllAsync</c>, what <c>erpsync sync</c> runs) in a process of its own, so that its peak
/// RSS is the sync's alone and not the emulated sites'. The parent starts it with the sites' addresses and reads
/// the one <c>RESULT {json}</c> line it prints.
/// </summary>
internal sealed class SyncRunWorkload : IWorkload
{
    public const string ResultPrefix = "RESULT ";

    public string Name => "sync-run";

    public string Description => "(used by the others) one full sync against running sites in this process; prints time, requests, peak RSS";

    public async Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var cloudUrl = new Uri(arguments.Text("cloud", ""));
        var localUrl = new Uri(arguments.Text("local", ""));
        var database = arguments.Text("db", "");
        var concurrency = arguments.Integer("concurrency", 8);
        arguments.RejectUnknown();

        var rules = new SyncRules { DocTypes = SiteLab.DocTypes };
        using var requests = new RequestCounter();
        using var cloud = SiteLab.Client(SiteName.Cloud, cloudUrl, "cloud-key", "cloud-secret", concurrency);
        using var local = SiteLab.Client(SiteName.Local, localUrl, "local-key", "local-secret", concurrency);
        await using var state = await StateDatabase.OpenAsync(database, TimeProvider.System, null, cancellationToken);
        var engine = new SyncEngine(cloud, local, state.Store, state.Locks, rules, TimeProvider.System, null, new SyncEngineOptions { MaxConcurrency = concurrency });
        var clock = Stopwatch.StartNew();
        var summary = await engine.SyncAllAsync(SyncRunOptions.Default, null, cancellationToken);
        clock.Stop();
        foreach (var failure in summary.Outcomes.Where(o => o.Kind is SyncOutcomeKind.Failed or SyncOutcomeKind.Waiting).Take(5))
            await Console.Error.WriteLineAsync($"sync-run: {failure.DocType} {failure.CloudName ?? failure.LocalName}: {failure.Kind} {failure.Message}");
        var result = new SyncRunResult(clock.Elapsed.TotalSeconds, requests.Cloud, requests.Local, PeakRssMb(), summary.Total, summary.Success, summary.Failed, summary.Conflicts, summary.Skipped);
        await output.WriteLineAsync(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    // VmHWM is the kernel's high-water mark of this process's resident set.
    private static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)
            ? kb / 1024.0
            : Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    }
}
