using ErpSync.Store;
using ErpSync.Store.Presence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Upkeep;

/// <summary>
/// Records this server as alive in the state database (<see cref="IServerPresence"/>) at start and every
/// <see cref="UpkeepOptions.HeartbeatInterval"/>, and removes the record on a graceful stop. A beat counts for
/// three intervals, so a server that dies stops counting soon after; while it counts, <c>erpsync restore</c> and
/// <c>reset</c> refuse to run. A failed beat is logged and tried again next interval.
/// </summary>
internal sealed partial class HeartbeatWorker(
    ServerOptions options,
    IStateDatabase database,
    TimeProvider time,
    ILogger<HeartbeatWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(5);

    private ServerInstance? _instance;

    /// <summary>This server as recorded (set at start).</summary>
    public ServerInstance? Instance => Volatile.Read(ref _instance);

    /// <summary>Heartbeat rounds since start (counted once the wait for the next one is in place).</summary>
    public PassCounter Beats { get; } = new();

    private TimeSpan Ttl => options.Upkeep.HeartbeatInterval * 3;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Instance is not { } instance)
            return;
        using var timeout = new CancellationTokenSource(LeaveTimeout);
        try
        {
            await database.Servers.LeaveAsync(instance.Id, timeout.Token);
            LogLeft(logger, instance.Id);
        }
        catch (Exception e)
        {
            // The record expires on its own after the TTL; until then restore/reset wait.
            LogLeaveFailed(logger, e, instance.Id, e.Message, Ttl.TotalSeconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var instance = ServerInstance.ForCurrentProcess(time.GetUtcNow(), ServerInfo.Version);
        Volatile.Write(ref _instance, instance);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await database.Servers.BeatAsync(instance, Ttl, stoppingToken);
                if (first)
                    LogFirstBeat(logger, instance.Id, options.Upkeep.HeartbeatInterval.TotalSeconds);
                first = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogBeatFailed(logger, e, e.Message);
            }

            try
            {
                var next = Task.Delay(options.Upkeep.HeartbeatInterval, time, stoppingToken);
                Beats.Increment();
                await next;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered as {Instance} in the state database; heartbeat every {Seconds} s")]
    private static partial void LogFirstBeat(ILogger logger, string instance, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat could not be written: {Reason}; trying again next interval")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unregistered {Instance} from the state database")]
    private static partial void LogLeft(ILogger logger, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unregister {Instance}: {Reason}; the record expires by itself within {Seconds} s")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception, string instance, string reason, double seconds);
}
