using ErpSync.Core.State;
using ErpSync.Store;
using ErpSync.Store.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Upkeep;

/// <summary>
/// The server's own retention pass: at start and every <see cref="UpkeepOptions.PruneInterval"/> (daily) it removes
/// audit rows and processed queue items older than the retention settings (in short batches, so intake never waits
/// long), then refreshes the planner statistics without blocking writers. Pending, processing and dead items,
/// pairs and conflicts are never touched. Returning free space to the disk (VACUUM) is left to <c>erpsync maintenance</c>.
/// </summary>
internal sealed partial class PruningWorker(
    ServerOptions options,
    IStateDatabase database,
    TimeProvider time,
    ILogger<PruningWorker> logger) : BackgroundService
{
    private PruneResult? _last;

    /// <summary>Passes finished since start (counted once the wait for the next one is in place).</summary>
    public PassCounter Passes { get; } = new();

    /// <summary>What the last pass removed, or <c>null</c> before the first.</summary>
    public PruneResult? LastResult => Volatile.Read(ref _last);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var upkeep = options.Upkeep;
        if (upkeep.PruneInterval == TimeSpan.Zero)
        {
            LogOff(logger);
            return;
        }

        if (upkeep.LogsRetentionDays == 0 && upkeep.QueueRetentionDays == 0)
        {
            LogKeepForever(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e, e.Message);
            }

            try
            {
                var next = Task.Delay(upkeep.PruneInterval, time, stoppingToken);
                Passes.Increment();
                await next;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var upkeep = options.Upkeep;
        var policy = RetentionPolicy.FromDays(upkeep.LogsRetentionDays, upkeep.QueueRetentionDays, time.GetUtcNow());
        var result = await database.Maintenance.PruneAsync(policy, cancellationToken);
        await database.Maintenance.CompactAsync(CompactMode.Online, cancellationToken);
        LogPruned(logger, result.LogsDeleted, upkeep.LogsRetentionDays, result.QueueItemsDeleted, upkeep.QueueRetentionDays);
        Volatile.Write(ref _last, result);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily pruning is off; run `erpsync maintenance` to apply the retention settings")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily pruning has nothing to do: retention keeps audit rows and processed queue items forever")]
    private static partial void LogKeepForever(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Logs} audit row(s) older than {LogsDays} days and {Queue} processed queue item(s) older than {QueueDays} days (0 days = kept forever)")]
    private static partial void LogPruned(ILogger logger, long logs, int logsDays, long queue, int queueDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily pruning failed: {Reason}; trying again at the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}
