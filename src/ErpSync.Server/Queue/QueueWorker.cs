using ErpSync.Core.State;
using ErpSync.Server.Metrics;
using ErpSync.Server.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Queue;

/// <summary>
/// The queue's one dispatch loop (Serilog's BatchingSink pattern): claim as many due items as there are free
/// worker slots, hand each to <see cref="QueueItemProcessor"/>, then sleep until something can change — an
/// enqueue in this process or a freed slot (<see cref="WorkSignal"/>), the next retry or lease expiry
/// (<see cref="IWorkQueue.NextDueAtAsync"/>), or the poll interval that notices work queued by other processes.
/// On shutdown it stops claiming, lets items in progress finish within the grace period, and hands back those
/// that do not. That drain runs in <see cref="StoppingAsync"/>, before the web server stops, so webhooks that
/// arrive meanwhile are answered 503 (and retried by Frappe) rather than refused.
/// </summary>
internal sealed partial class QueueWorker(
    ServerOptions options,
    IWorkQueue queue,
    QueueItemProcessor processor,
    WorkSignal signal,
    ServerMetrics metrics,
    QueueOwner owner,
    IntakeGate gate,
    TimeProvider time,
    ILogger<QueueWorker> logger) : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan SpinGuard = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxErrorWait = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _poll = options.QueuePollInterval ?? TimeSpan.FromSeconds(10);

    /// <summary>Set when the loop has exited and every item in progress is finished or handed back.</summary>
    internal Task Drained => _drained.Task;

    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopClaiming = new();
    private readonly object _idleGate = new();
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes while (or as soon as) the loop sleeps with nothing it can claim; for tests that move a fake clock.</summary>
    internal Task WhenIdle
    {
        get
        {
            lock (_idleGate)
                return _idle.Task;
        }
    }
    private volatile bool _running;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops claiming and waits for the drain (bounded by the host's shutdown timeout).</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        gate.Close();
        await _stopClaiming.CancelAsync();
        if (!_running)
            return;
        try
        {
            await Drained.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first; leases of what is left expire on their own.
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Dispose()
    {
        _stopClaiming.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running = true;
        var inFlight = new HashSet<Task>();
        using var itemsStop = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _stopClaiming.Token);
        LogStarted(logger, options.Workers, owner.Id);
        try
        {
            await RunLoopAsync(inFlight, itemsStop.Token, stop.Token);
        }
        finally
        {
            await DrainAsync(inFlight, itemsStop);
            _drained.TrySetResult();
        }
    }

    private async Task RunLoopAsync(HashSet<Task> inFlight, CancellationToken itemsToken, CancellationToken stoppingToken)
    {
        var errorWait = TimeSpan.Zero;
        var lastClaimEmpty = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveWhere(t => t.IsCompleted);
            var free = options.Workers - inFlight.Count;
            TimeSpan wait;
            try
            {
                if (free > 0)
                {
                    var items = await queue.ClaimAsync(owner.Id, free, options.Lease, stoppingToken);
                    foreach (var item in items)
                        inFlight.Add(RunItemAsync(item, itemsToken));
                    lastClaimEmpty = items.Count == 0;
                    if (items.Count == free)
                        continue;
                }

                wait = options.Workers - inFlight.Count(t => !t.IsCompleted) <= 0 ? Timeout.InfiniteTimeSpan : await UntilNextDueAsync(lastClaimEmpty, stoppingToken);
                errorWait = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is unreachable or failing: nothing is lost (items stay queued); try again later.
                errorWait = errorWait == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(errorWait.Ticks * 2, MaxErrorWait.Ticks));
                LogQueueUnavailable(logger, e, errorWait.TotalSeconds);
                wait = errorWait;
            }

            try
            {
                await signal.WaitAsync(wait, time, stoppingToken, MarkIdle);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            lock (_idleGate)
            {
                if (_idle.Task.IsCompleted)
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void MarkIdle()
    {
        lock (_idleGate)
            _idle.TrySetResult();
    }

    private async Task<TimeSpan> UntilNextDueAsync(bool lastClaimEmpty, CancellationToken cancellationToken)
    {
        var next = await queue.NextDueAtAsync(cancellationToken);
        if (next is null)
            return _poll;
        var until = next.Value - time.GetUtcNow();
        if (until <= TimeSpan.Zero)
        {
            // Due but not claimable by us (another process holds its claim): look again shortly, not in a tight loop.
            return lastClaimEmpty ? SpinGuard : TimeSpan.Zero;
        }

        return until < _poll ? until : _poll;
    }

    private async Task RunItemAsync(QueueItem item, CancellationToken cancellationToken)
    {
        // Off the loop's thread: the loop goes back to claiming while this item is processed.
        await Task.Yield();
        metrics.WorkerBusy();
        try
        {
            await processor.ProcessAsync(item, cancellationToken);
        }
        finally
        {
            metrics.WorkerIdle();
            signal.Set();
        }
    }

    private async Task DrainAsync(HashSet<Task> inFlight, CancellationTokenSource itemsStop)
    {
        inFlight.RemoveWhere(t => t.IsCompleted);
        if (inFlight.Count == 0)
            return;
        LogDraining(logger, inFlight.Count, options.ShutdownGrace.TotalSeconds);
        var all = Task.WhenAll(inFlight);
        if (options.ShutdownGrace > TimeSpan.Zero)
        {
            try
            {
                await all.WaitAsync(options.ShutdownGrace, time);
                return;
            }
            catch (TimeoutException)
            {
                // Fall through: stop the stragglers, which hand their items back.
            }
        }

        LogReleasing(logger, inFlight.Count(t => !t.IsCompleted));
        await itemsStop.CancelAsync();
        await all;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue workers started: {Workers} at once, owner {Owner}")]
    private static partial void LogStarted(ILogger logger, int workers, string owner);

    [LoggerMessage(Level = LogLevel.Error, Message = "The queue cannot be read; trying again in {Seconds} s")]
    private static partial void LogQueueUnavailable(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: waiting up to {Seconds} s for {Count} item(s) in progress")]
    private static partial void LogDraining(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: {Count} item(s) still in progress after the grace period are handed back to the queue")]
    private static partial void LogReleasing(ILogger logger, int count);
}
