using ErpSync.Core.Alerts;
using ErpSync.Core.Sites;
using ErpSync.Server.Status;
using ErpSync.Server.Upkeep;
using ErpSync.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Alerts;

/// <summary>
/// Judges the alert thresholds at start and every <see cref="AlertOptions.EvaluationInterval"/> with
/// <see cref="AlertEvaluator"/>: the store's figures plus how long each site's circuit has been open. An alert is
/// logged and notified once when it starts and once when it clears, never again while it persists; a
/// notification that fails is tried again at the next evaluation. <see cref="Active"/> feeds <c>/health</c> and <c>/status</c>.
/// </summary>
internal sealed partial class AlertMonitor(
    ServerOptions options,
    IStateDatabase database,
    IEnumerable<ServerSite> sites,
    AlertNotifier notifier,
    TimeProvider time,
    ILogger<AlertMonitor> logger) : BackgroundService
{
    private readonly SemaphoreSlim _evaluating = new(1, 1);
    private readonly Dictionary<string, DateTimeOffset> _unreachableSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActiveAlert> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActiveAlert> _announced = new(StringComparer.Ordinal);
    private IReadOnlyList<ActiveAlert> _snapshot = [];

    /// <summary>Alerts active at the last evaluation, in evaluation order.</summary>
    public IReadOnlyList<ActiveAlert> Active => Volatile.Read(ref _snapshot);

    /// <summary>When the thresholds were last judged (UTC); <c>null</c> before the first evaluation.</summary>
    public DateTimeOffset? EvaluatedAt { get; private set; }

    /// <summary>Finished periodic evaluations; each is counted once the wait for the next one is in place.</summary>
    public PassCounter Passes { get; } = new();

    /// <summary>Judges the thresholds now, logging and notifying changes; serialised with the periodic evaluation.</summary>
    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        await _evaluating.WaitAsync(cancellationToken);
        try
        {
            var status = await database.Store.GetStatusAsync(cancellationToken);
            var now = time.GetUtcNow();
            var figures = AlertFigures.From(status) with { UnreachableSince = TrackSites(now) };
            var alerts = AlertEvaluator.Evaluate(figures, options.Alerts.Thresholds, now);
            Update(alerts, now);
            await NotifyAsync(now, cancellationToken);
            EvaluatedAt = now;
        }
        finally
        {
            _evaluating.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, options.Alerts.EvaluationInterval.TotalSeconds, notifier.Enabled ? options.Alerts.WebhookUrl!.Host : "(none: log only)");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EvaluateAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The previous alerts stay as they were; /health reports the database itself.
                LogEvaluationFailed(logger, e, e.Message);
            }

            try
            {
                var next = Task.Delay(options.Alerts.EvaluationInterval, time, stoppingToken);
                Passes.Increment();
                await next;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _evaluating.Dispose();
        base.Dispose();
    }

    private Dictionary<string, DateTimeOffset> TrackSites(DateTimeOffset now)
    {
        foreach (var site in sites)
        {
            var name = site.Name.ToWire();
            var circuit = StatusReader.Circuit(site);
            if (circuit is "open" or "half_open")
                _unreachableSince.TryAdd(name, now);
            else if (circuit == "closed")
                _unreachableSince.Remove(name);
        }

        return new Dictionary<string, DateTimeOffset>(_unreachableSince, StringComparer.Ordinal);
    }

    private void Update(IReadOnlyList<Alert> alerts, DateTimeOffset now)
    {
        var current = new Dictionary<string, ActiveAlert>(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            var since = _active.TryGetValue(alert.Key, out var known) ? known.Since : now;
            current[alert.Key] = ActiveAlert.From(alert, since);
            if (known is null)
                LogAlertStarted(logger, alert.Key, alert.Message);
        }

        foreach (var (key, gone) in _active)
        {
            if (!current.ContainsKey(key))
                LogAlertCleared(logger, key, AlertEvaluator.Duration(now - gone.Since));
        }

        _active.Clear();
        foreach (var (key, alert) in current)
            _active[key] = alert;
        Volatile.Write(ref _snapshot, current.Values.ToList());
    }

    private async Task NotifyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (key, alert) in _active)
        {
            if (_announced.ContainsKey(key))
                continue;
            var text = $"[erpsync] ALERT on {Environment.MachineName}: {alert.Message}";
            if (await notifier.SendAsync(new AlertNotification("alert_started", text, ServerInfo.ServiceName, Environment.MachineName, alert, _active.Count, now), cancellationToken))
                _announced[key] = alert;
        }

        foreach (var (key, alert) in _announced.ToList())
        {
            if (_active.ContainsKey(key))
                continue;
            var text = $"[erpsync] RESOLVED on {Environment.MachineName}: {alert.Kind}{(alert.Subject is null ? "" : $" ({alert.Subject})")} is back under its threshold after {AlertEvaluator.Duration(now - alert.Since)}";
            if (await notifier.SendAsync(new AlertNotification("alert_cleared", text, ServerInfo.ServiceName, Environment.MachineName, alert, _active.Count, now), cancellationToken))
                _announced.Remove(key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Judging alert thresholds every {Seconds} s; notifications to {Host}")]
    private static partial void LogStarted(ILogger logger, double seconds, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Alert} started: {Message}")]
    private static partial void LogAlertStarted(ILogger logger, string alert, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Alert} cleared after {Duration}")]
    private static partial void LogAlertCleared(ILogger logger, string alert, string duration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert thresholds could not be judged: {Reason}; trying again at the next evaluation")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, string reason);
}
