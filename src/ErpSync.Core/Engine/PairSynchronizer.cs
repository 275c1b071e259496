using ErpSync.Core.Dependencies;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using Microsoft.Extensions.Logging;

namespace ErpSync.Core.Engine;

/// <summary>
/// Syncs one document pair: under the pair's lock, reads both sides, plans, writes and commits (see
/// <see cref="PlanHandler"/>). A round that finds the pair changed meanwhile (stale compare-and-swap, another worker)
/// reads and plans again, a bounded number of times. Dependencies are synced with the pair's lock released, so two
/// pairs waiting for each other can never deadlock; cycles and over-deep chains make the item wait instead.
/// Failures are outcomes; only bugs and store failures throw.
/// </summary>
internal sealed class PairSynchronizer(ISyncStore store, IDocumentLocks locks, PairReader reader, PlanHandler plans, SyncEngineOptions options, SyncMetrics metrics, ILogger logger)
{
    /// <summary>Syncs the pair of <paramref name="name"/> on <paramref name="site"/>.</summary>
    public async Task<SyncOutcome> SyncAsync(EngineSetup setup, DocTypeContext docType, SiteName site, string name, PairCall call, CancellationToken cancellationToken)
    {
        var self = PairCall.Identity(docType.Name, site, name);
        var synced = new HashSet<SitedRef>();
        var followDependencies = call.Depth < options.MaxDependencyDepth;
        string? reason = null;
        string? adopted = null;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            var result = await AttemptAsync(setup, docType, site, name, call, followDependencies, cancellationToken);
            switch (result.Kind)
            {
                case AttemptKind.Done:
                    return Finish(site, name, adopted is not null && result.Outcome!.Kind == SyncOutcomeKind.Skipped
                        ? result.Outcome with { Kind = SyncOutcomeKind.Applied, Action = "pair", Direction = "converged", Message = adopted }
                        : result.Outcome!);
                case AttemptKind.Retry:
                    reason = result.Reason;
                    if (result.Adopted)
                        adopted = reason;
                    EngineLog.Replanned(logger, docType.Name, name, site.ToWire(), attempt, reason ?? "");
                    break;
                default:
                    foreach (var dependency in result.Dependencies)
                    {
                        var identity = PairCall.Identity(dependency.Ref.DocType, dependency.Site, dependency.Ref.Name);
                        if (!synced.Add(dependency) || identity == self || call.Chain.Contains(identity) || !setup.DocTypes.TryGetValue(dependency.Ref.DocType, out var dependencyType))
                        {
                            // Already tried, or a cycle: the next round waits for it instead of looping.
                            followDependencies = false;
                            continue;
                        }

                        EngineLog.DependencyFirst(logger, docType.Name, name, site.ToWire(), dependency.Ref.ToString());
                        await SyncAsync(setup, dependencyType, dependency.Site, dependency.Ref.Name, call.Descend(self), cancellationToken);
                    }

                    // The round spent on finding dependencies does not count against the retries.
                    attempt--;
                    reason = "dependencies synced first";
                    if (synced.Count > 64)
                        followDependencies = false;
                    break;
            }
        }

        var record = await FindAsync(docType, site, name, cancellationToken);
        return Finish(site, name, Outcomes.Failed(docType.Name, record?.CloudName, record?.LocalName, "sync",
            $"the document kept changing while it was synced ({options.MaxAttempts} attempts; last: {reason}); the next run tries again", transient: true));
    }

    /// <summary>The record of the pair of <paramref name="name"/> on <paramref name="site"/>; same-named DocTypes also match the other site's name.</summary>
    public async Task<SyncRecord?> FindAsync(DocTypeContext docType, SiteName site, string name, CancellationToken cancellationToken) =>
        await store.FindRecordAsync(docType.Name, site, name, cancellationToken)
        ?? (docType.IsMapped ? null : await store.FindRecordAsync(docType.Name, site.Other(), name, cancellationToken));

    private async Task<AttemptResult> AttemptAsync(EngineSetup setup, DocTypeContext docType, SiteName site, string name, PairCall call, bool followDependencies, CancellationToken cancellationToken)
    {
        var record = await FindAsync(docType, site, name, cancellationToken);
        var key = LockKeys.Pair(docType, record, site, name);
        await using var pairLock = await locks.AcquireAsync(key, cancellationToken);
        record = await FindAsync(docType, site, name, cancellationToken);
        if (LockKeys.Pair(docType, record, site, name) != key)
            return AttemptResult.Retry("the pair was recorded under another name meanwhile");

        PairSnapshot snapshot;
        try
        {
            snapshot = await reader.ReadAsync(setup, docType, record, site, name, cancellationToken);
        }
        catch (FrappeException ex)
        {
            return AttemptResult.Done(await plans.FailAsync(docType, record, [], "read", ex, call, cancellationToken));
        }

        try
        {
            return await plans.HandleAsync(setup, docType, site, name, snapshot, call, followDependencies, cancellationToken);
        }
        catch (FrappeException ex)
        {
            return AttemptResult.Done(await plans.FailAsync(docType, snapshot.Record, [], "sync", ex, call, cancellationToken));
        }
    }

    private SyncOutcome Finish(SiteName site, string name, SyncOutcome outcome)
    {
        metrics.Outcome(outcome);
        var shown = outcome.CloudName ?? outcome.LocalName ?? name;
        switch (outcome.Kind)
        {
            case SyncOutcomeKind.Applied:
                EngineLog.Applied(logger, outcome.DocType, shown, site.ToWire(), outcome.Action, outcome.Direction, outcome.Message ?? "");
                break;
            case SyncOutcomeKind.Conflict:
                EngineLog.Conflict(logger, outcome.DocType, shown, site.ToWire(), outcome.Message ?? "");
                break;
            case SyncOutcomeKind.Waiting:
                EngineLog.Waiting(logger, outcome.DocType, shown, site.ToWire(), outcome.Message ?? "");
                break;
            case SyncOutcomeKind.Failed:
                EngineLog.Failed(logger, outcome.DocType, shown, site.ToWire(), outcome.Message ?? "");
                break;
            default:
                EngineLog.Skipped(logger, outcome.DocType, shown, site.ToWire(), outcome.Message ?? "");
                break;
        }

        return outcome;
    }
}
