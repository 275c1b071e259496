using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Server.Metrics;
using ErpSync.Server.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Sweep;

/// <summary>
/// Every <see cref="ServerOptions.SweepInterval"/> (and once at start, for what changed while the server was
/// stopped), sweeps each site and configured DocType with <see cref="DocTypeSweeper"/>. Webhooks give latency;
/// this catches what they miss: deliveries Frappe gave up on, and changes that fire none (<c>db_set</c>,
/// imports, patches). Several processes split the work: each (site, DocType) is swept under a lock, and a
/// process that finds it taken skips that pair this round.
/// </summary>
internal sealed partial class SweepWorker(
    ServerOptions options,
    IEnumerable<ServerSite> sites,
    DocTypeSweeper sweeper,
    IDocumentLocks locks,
    WorkSignal workSignal,
    ServerMetrics metrics,
    TimeProvider time,
    ILogger<SweepWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMilliseconds(250);

    private readonly WorkSignal _requested = new();
    private readonly object _gate = new();
    private long _started;
    private long _completed;
    private TaskCompletionSource _passDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Sweep passes finished since start.</summary>
    public long CompletedPasses
    {
        get
        {
            lock (_gate)
                return _completed;
        }
    }

    /// <summary>When the last pass finished (UTC), or <c>null</c> before the first.</summary>
    public DateTimeOffset? LastPassAt { get; private set; }

    /// <summary>Asks for a pass now and waits until a pass that started after this call has finished.</summary>
    public async Task SweepNowAsync(CancellationToken cancellationToken)
    {
        long target;
        lock (_gate)
            target = _started + 1;
        while (true)
        {
            Task done;
            bool running;
            lock (_gate)
            {
                if (_completed >= target)
                    return;
                done = _passDone.Task;
                running = _started > _completed;
            }

            // A pass in progress is waited for without asking for another yet, so no unrequested pass follows.
            if (!running)
                _requested.Set();
            await done.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SweepInterval == TimeSpan.Zero)
        {
            LogOff(logger);
            return;
        }

        LogStarted(logger, options.SweepInterval.TotalSeconds, options.DocTypes.Count);
        while (!stoppingToken.IsCancellationRequested)
        {
            await PassAsync(stoppingToken);
            try
            {
                await _requested.WaitAsync(options.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource finished;
        lock (_gate)
        {
            // Requests made until now are served by this pass.
            _requested.Reset();
            _started++;
            finished = _passDone;
        }

        try
        {
            foreach (var site in sites)
            {
                foreach (var docType in options.DocTypes)
                {
                    if (cancellationToken.IsCancellationRequested)
                        return;
                    await SweepPairAsync(site.Client, docType, cancellationToken);
                }
            }
        }
        finally
        {
            LastPassAt = time.GetUtcNow();
            lock (_gate)
            {
                _completed++;
                _passDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            finished.TrySetResult();
        }
    }

    private async Task SweepPairAsync(IFrappeSite site, string docType, CancellationToken cancellationToken)
    {
        var wire = site.Site.ToWire();
        IAsyncDisposable? held;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(LockWait);
            try
            {
                held = await locks.AcquireAsync($"sweep/{wire}/{docType}", wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogBusy(logger, docType, wire);
                return;
            }
        }

        await using (held)
        {
            try
            {
                var modified = await sweeper.SweepModifiedAsync(site, docType, cancellationToken);
                var deleted = await sweeper.SweepDeletedAsync(site, docType, cancellationToken);
                if (modified + deleted > 0)
                {
                    LogQueued(logger, modified, deleted, docType, wire);
                    workSignal.Set();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping; the cursor holds what was queued.
            }
            catch (Exception e)
            {
                metrics.SweepFailed(wire, docType);
                LogFailed(logger, e, docType, wire, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep is off (server.sweep_interval_seconds is 0): changes that send no webhook are caught only by `erpsync sync`")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweeping {DocTypeCount} DocType(s) on both sites every {Seconds} s")]
    private static partial void LogStarted(ILogger logger, double seconds, int docTypeCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep queued {Modified} changed and {Deleted} deleted {DocType} document(s) from {Site}")]
    private static partial void LogQueued(ILogger logger, int modified, int deleted, string docType, string site);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another process is sweeping {DocType} on {Site}; skipped this round")]
    private static partial void LogBusy(ILogger logger, string docType, string site);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep of {DocType} on {Site} failed: {Reason}; trying again next round")]
    private static partial void LogFailed(ILogger logger, Exception exception, string docType, string site, string reason);
}
