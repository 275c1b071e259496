using ErpSync.Core.State;
using ErpSync.Core.Sync;
using ErpSync.Server.Upkeep;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Verification;

/// <summary>
/// Runs the engine's full reconciliation (<see cref="ISyncEngine.SyncAllAsync"/>) on <see cref="VerificationOptions.NextRun"/>,
/// so drift the webhooks and the sweep missed (a change made while both were down, a document edited in the
/// database) is found without a cron line. The next run is reckoned from the end of the previous one (or the
/// start), on the injected clock. Several servers on one PostgreSQL database take turns: a run happens under a
/// lock, and a process that finds it taken skips that slot.
/// </summary>
internal sealed partial class VerificationWorker(
    ServerOptions options,
    ISyncEngine engine,
    IDocumentLocks locks,
    TimeProvider time,
    ILogger<VerificationWorker> logger) : BackgroundService
{
    private const string LockKey = "verify/all";

    // Timers cannot wait longer than about 49 days, and a shorter wait also follows clock changes.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    private static readonly TimeSpan LockWait = TimeSpan.FromMilliseconds(250);

    private VerificationRun? _lastRun;
    private DateTimeOffset? _nextRunAt;

    /// <summary>Runs finished (or skipped) since start.</summary>
    public PassCounter Runs { get; } = new();

    /// <summary>Times the next run was scheduled (once at start and after each run).</summary>
    public PassCounter Scheduled { get; } = new();

    /// <summary>What <c>/status</c> shows.</summary>
    public VerificationState State => new(
        options.Verification.NextRun is null ? "off" : options.Verification.Description,
        _nextRunAt,
        Runs.Count,
        Volatile.Read(ref _lastRun));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.Verification.NextRun;
        if (schedule is null)
        {
            LogOff(logger);
            return;
        }

        var after = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule(after, time.LocalTimeZone);
            _nextRunAt = next;
            if (next is not { } due)
            {
                LogNoMoreRuns(logger, options.Verification.Description);
                return;
            }

            LogScheduled(logger, options.Verification.Description, due.UtcDateTime);
            Scheduled.Increment();
            try
            {
                while (time.GetUtcNow() < due)
                {
                    var wait = due - time.GetUtcNow();
                    await Task.Delay(wait < LongestWait ? wait : LongestWait, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await RunAsync(stoppingToken);
            after = time.GetUtcNow();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        IAsyncDisposable held;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(LockWait);
            try
            {
                held = await locks.AcquireAsync(LockKey, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogBusy(logger);
                Finish(new VerificationRun(started, time.GetUtcNow(), "skipped", 0, 0, 0, 0, 0, "another server is running the verification"));
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await using (held)
        {
            LogRunning(logger);
            try
            {
                var summary = await engine.SyncAllAsync(SyncRunOptions.Default, null, cancellationToken);
                var run = new VerificationRun(started, time.GetUtcNow(), "completed", summary.Total, summary.Success, summary.Failed, summary.Conflicts, summary.Skipped, null);
                if (summary.Success + summary.Failed + summary.Conflicts > 0)
                    LogDrift(logger, summary.Total, summary.Success, summary.Failed, summary.Conflicts, summary.Skipped, summary.Elapsed.TotalSeconds);
                else
                    LogInAgreement(logger, summary.Total, summary.Elapsed.TotalSeconds);
                Finish(run);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                LogInterrupted(logger);
            }
            catch (Exception e)
            {
                LogFailed(logger, e, e.Message);
                Finish(new VerificationRun(started, time.GetUtcNow(), "failed", 0, 0, 0, 0, 0, e.Message));
            }
        }
    }

    private void Finish(VerificationRun run)
    {
        Volatile.Write(ref _lastRun, run);
        Runs.Increment();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled verification is off (server.reconcile_schedule: off); run `erpsync sync` to compare both sites fully")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled verification ({Schedule}): next full reconciliation at {DueUtc:u}")]
    private static partial void LogScheduled(ILogger logger, string schedule, DateTime dueUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled verification ({Schedule}) has no further run")]
    private static partial void LogNoMoreRuns(ILogger logger, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled verification: full reconciliation of both sites started")]
    private static partial void LogRunning(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled verification: both sites agree ({Total} document(s) compared in {Seconds:0.0} s)")]
    private static partial void LogInAgreement(ILogger logger, int total, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled verification found drift: Total {Total}, Success {Success}, Failed {Failed}, Conflicts {Conflicts}, Skipped {Skipped} in {Seconds:0.0} s")]
    private static partial void LogDrift(ILogger logger, int total, int success, int failed, int conflicts, int skipped, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled verification skipped: another server holds it")]
    private static partial void LogBusy(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled verification stopped by shutdown; the next run starts from scratch")]
    private static partial void LogInterrupted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled verification failed: {Reason}; it runs again at the next scheduled time")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}
