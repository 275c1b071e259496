using System.Globalization;
using ErpSync.Core.Retrying;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using ErpSync.Server.Metrics;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Queue;

/// <summary>
/// Processes one claimed item: keeps its lease alive, asks the engine to sync the document, and records the
/// result on the queue. Applied, skipped and conflict outcomes complete the item (conflicts are recorded by the
/// engine); waiting and failed outcomes — and any exception, which is a bug or an infrastructure failure — go
/// back to the queue with backoff and jitter until <c>max_attempts</c>, then are dead-lettered with their reason.
/// Stopped by shutdown, the item is handed back without counting the attempt.
/// </summary>
internal sealed partial class QueueItemProcessor(
    ServerOptions options,
    IWorkQueue queue,
    ISyncEngine engine,
    RetryPlanner retries,
    ServerMetrics metrics,
    QueueOwner owner,
    TimeProvider time,
    ILogger<QueueItemProcessor> logger)
{
    /// <summary>Raised after an item's result is stored (or storing it failed), with the outcome; for tests and diagnostics.</summary>
    internal event Action<QueueItem, SyncOutcome>? ItemRecorded;

    public async Task ProcessAsync(QueueItem item, CancellationToken cancellationToken)
    {
        var site = item.Source.ToWire();
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["DocType"] = item.DocType,
            ["DocName"] = item.DocName,
            ["Site"] = site,
            ["QueueId"] = item.Id,
        });
        LogProcessing(logger, item.Action, item.DocType, item.DocName, site, item.Attempts, item.Id);
        var started = time.GetTimestamp();
        var lease = new LeaseKeeper(queue, item, owner.Id, options.Lease, time);
        SyncOutcome outcome;
        try
        {
            outcome = await lease.RunAsync(ct => engine.SyncDocumentAsync(item.DocType, item.Source, item.DocName, SyncRunOptions.Default, ct), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(item, site);
            return;
        }
        catch (Exception e)
        {
            LogEngineCrashed(logger, e, item.DocType, item.DocName, site);
            outcome = new SyncOutcome(item.DocType, null, null, SyncOutcomeKind.Failed, "none", "none", $"{e.GetType().Name}: {e.Message}", IsTransient: true);
        }

        if (lease.Lost)
        {
            metrics.LeaseLost(item.DocType);
            LogLeaseLost(logger, item.DocType, item.DocName, site, options.Lease.TotalSeconds);
        }

        var result = ResultOf(outcome.Kind);
        metrics.Processed(item.DocType, result, time.GetElapsedTime(started));
        try
        {
            await RecordAsync(item, site, outcome);
        }
        catch (Exception e)
        {
            // The result could not be stored: the lease runs out and the item is processed again, which is
            // harmless because the engine re-reads both sides.
            LogRecordFailed(logger, e, item.DocType, item.DocName, site);
        }

        ItemRecorded?.Invoke(item, outcome);
    }

    private async Task RecordAsync(QueueItem item, string site, SyncOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case SyncOutcomeKind.Applied:
            case SyncOutcomeKind.Skipped:
            case SyncOutcomeKind.Conflict:
                await queue.CompleteAsync(item.Id, owner.Id, CancellationToken.None);
                if (outcome.Kind == SyncOutcomeKind.Conflict)
                    LogConflict(logger, item.DocType, item.DocName, site, outcome.Message ?? "");
                else if (outcome.Kind == SyncOutcomeKind.Applied)
                    LogApplied(logger, item.DocType, item.DocName, site, outcome.Action, outcome.Direction);
                else
                    LogSkipped(logger, item.DocType, item.DocName, site, outcome.Message ?? outcome.Action);
                return;
            default:
                var reason = outcome.Message is { Length: > 0 } message ? message : outcome.Kind == SyncOutcomeKind.Waiting ? "waiting" : "failed";
                var decision = retries.AfterFailure(item.Attempts);
                if (decision.DeadLetter)
                {
                    var error = string.Create(CultureInfo.InvariantCulture, $"{reason} (dead-lettered after {item.Attempts} attempt(s); `erpsync retry` re-queues it)");
                    await queue.FailAsync(item.Id, owner.Id, error, null, CancellationToken.None);
                    metrics.DeadLettered(item.DocType);
                    LogDeadLettered(logger, item.DocType, item.DocName, site, item.Attempts, reason);
                }
                else
                {
                    await queue.FailAsync(item.Id, owner.Id, reason, decision.RetryAt, CancellationToken.None);
                    metrics.Retry(item.DocType, outcome.Kind == SyncOutcomeKind.Waiting ? "waiting" : outcome.IsTransient ? "transient" : "failed");
                    LogRetry(logger, item.DocType, item.DocName, site, reason, decision.Reason);
                }

                return;
        }
    }

    private async Task ReleaseAsync(QueueItem item, string site)
    {
        try
        {
            await queue.ReleaseAsync(item.Id, owner.Id, CancellationToken.None);
            LogReleased(logger, item.DocType, item.DocName, site);
        }
        catch (Exception e)
        {
            // Not handed back: its lease runs out and another worker takes it then.
            LogRecordFailed(logger, e, item.DocType, item.DocName, site);
        }
    }

    internal static string ResultOf(SyncOutcomeKind kind) => kind switch
    {
        SyncOutcomeKind.Applied => "applied",
        SyncOutcomeKind.Skipped => "skipped",
        SyncOutcomeKind.Conflict => "conflict",
        SyncOutcomeKind.Waiting => "waiting",
        _ => "failed",
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Processing {Action} of {DocType} {DocName} from {Site} (attempt {Attempt}, item {QueueId})")]
    private static partial void LogProcessing(ILogger logger, string action, string docType, string docName, string site, int attempt, long queueId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {DocType} {DocName} from {Site}: {SyncAction} {Direction}")]
    private static partial void LogApplied(ILogger logger, string docType, string docName, string site, string syncAction, string direction);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nothing to do for {DocType} {DocName} from {Site}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string docType, string docName, string site, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conflict on {DocType} {DocName} from {Site}: {Reason}")]
    private static partial void LogConflict(ILogger logger, string docType, string docName, string site, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{DocType} {DocName} from {Site} not synced: {Reason}; {Decision}")]
    private static partial void LogRetry(ILogger logger, string docType, string docName, string site, string reason, string decision);

    [LoggerMessage(Level = LogLevel.Error, Message = "{DocType} {DocName} from {Site} dead-lettered after {Attempts} attempt(s): {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string docType, string docName, string site, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Syncing {DocType} {DocName} from {Site} threw; it will be retried")]
    private static partial void LogEngineCrashed(ILogger logger, Exception exception, string docType, string docName, string site);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease on {DocType} {DocName} from {Site} ran out ({LeaseSeconds} s) before it finished; another worker may have taken it over")]
    private static partial void LogLeaseLost(ILogger logger, string docType, string docName, string site, double leaseSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The result for {DocType} {DocName} from {Site} could not be stored; the item will be processed again when its lease runs out")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string docType, string docName, string site);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed {DocType} {DocName} from {Site} back to the queue (shutdown)")]
    private static partial void LogReleased(ILogger logger, string docType, string docName, string site);
}
