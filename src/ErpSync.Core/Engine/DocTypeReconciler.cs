using System.Collections.Concurrent;
using System.Diagnostics;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using Microsoft.Extensions.Logging;

namespace ErpSync.Core.Engine;

/// <summary>
/// Full reconciliation of one DocType: both sites' (name, modified) lists are streamed and compared with the store
/// (<see cref="WorkListBuilder"/>); only pairs that differ are fetched and synced, <see cref="SyncEngineOptions.MaxConcurrency"/>
/// at a time. One document's failure is its own outcome and never stops the others; a site failing while the lists
/// are read ends the run with one failed outcome and loses nothing — the next run starts over from the store.
/// </summary>
internal sealed class DocTypeReconciler(SitePair sites, ISyncStore store, PairSynchronizer pairs, BulkAdoption adoption, SyncEngineOptions options, SyncMetrics metrics, TimeProvider time, ILogger logger)
{
    /// <summary>Reconciles <paramref name="docType"/>.</summary>
    public async Task<SyncSummary> RunAsync(EngineSetup setup, DocTypeContext docType, SyncRunOptions runOptions, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var run = new RunContext(runOptions);
        var outcomes = new ConcurrentQueue<SyncOutcome>();
        WorkList work;
        List<WorkItem> items;
        try
        {
            var cloudStamps = Collect(sites.Cloud.ListStampsAsync(docType.Name, cancellationToken));
            var localStamps = Collect(sites.Local.ListStampsAsync(docType.Name, cancellationToken));
            var records = new List<SyncRecord>();
            await foreach (var record in store.ListRecordsAsync(docType.Name, cancellationToken))
                records.Add(record);
            work = WorkListBuilder.Build(docType, records, await cloudStamps, await localStamps);
            run.Listed(docType.Name, SiteName.Cloud, work.UnknownCloud);
            run.Listed(docType.Name, SiteName.Local, work.UnknownLocal);
            var (paired, remaining) = await adoption.RunAsync(setup, docType, work.UnknownCloud, work.UnknownLocal, runOptions.DryRun, cancellationToken);
            foreach (var outcome in paired)
                outcomes.Enqueue(outcome);
            items = [.. work.Items, .. remaining];
        }
        catch (FrappeException ex)
        {
            EngineLog.ListingFailed(logger, docType.Name, ex.Message);
            var failed = Outcomes.Failed(docType.Name, null, null, "list", $"{docType.Name} could not be listed: {ex.Message}", ex.IsTransient);
            metrics.Outcome(failed);
            return Outcomes.Summarize([failed], 0, time.GetElapsedTime(started));
        }

        foreach (var outcome in work.AwaitingResolution)
            outcomes.Enqueue(outcome);
        if (runOptions.Limit is { } limit && items.Count > limit)
            items = items.Take(Math.Max(0, limit)).ToList();

        var total = work.Unchanged + outcomes.Count + items.Count;
        EngineLog.RunPlanned(logger, docType.Name, total, items.Count, work.Unchanged);
        if (work.Unchanged > 0)
            metrics.Outcome(Outcomes.Skipped(docType.Name, null, null, "unchanged"), work.Unchanged);
        var done = work.Unchanged + outcomes.Count;
        progress?.Report(new SyncProgress(docType.Name, done, total, null));

        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken }, async (item, token) =>
        {
            var outcome = await SyncOneAsync(setup, docType, item, run, token);
            outcomes.Enqueue(outcome);
            progress?.Report(new SyncProgress(docType.Name, Interlocked.Increment(ref done), total, outcome));
        });

        var summary = Outcomes.Summarize(outcomes.ToList(), work.Unchanged, time.GetElapsedTime(started));
        EngineLog.RunFinished(logger, docType.Name, summary.Success, summary.Failed, summary.Conflicts, summary.Skipped, (long)summary.Elapsed.TotalMilliseconds);
        return summary;
    }

    private async Task<SyncOutcome> SyncOneAsync(EngineSetup setup, DocTypeContext docType, WorkItem item, RunContext run, CancellationToken cancellationToken)
    {
        try
        {
            return await pairs.SyncAsync(setup, docType, item.Site, item.Name, PairCall.Top(run), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One document must not stop the run; the store or a bug failing is reported on that document.
            EngineLog.Failed(logger, docType.Name, item.Name, item.Site.ToWire(), ex.ToString());
            var outcome = Outcomes.Failed(docType.Name, item.Site == SiteName.Cloud ? item.Name : null, item.Site == SiteName.Local ? item.Name : null, "sync", $"internal error: {ex.Message}", transient: false);
            metrics.Outcome(outcome);
            return outcome;
        }
    }

    private static async Task<IReadOnlyList<DocStamp>> Collect(IAsyncEnumerable<DocStamp> stamps)
    {
        var list = new List<DocStamp>();
        await foreach (var stamp in stamps)
            list.Add(stamp);
        return list;
    }
}
