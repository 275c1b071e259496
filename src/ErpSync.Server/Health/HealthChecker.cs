using ErpSync.Core.Sites;
using ErpSync.Server.Alerts;
using ErpSync.Server.Metrics;
using ErpSync.Server.Status;
using ErpSync.Server.Webhooks;
using ErpSync.Store;

namespace ErpSync.Server.Health;

/// <summary>
/// Liveness plus readiness: the process answers (liveness), the state database answers within a few seconds,
/// neither site's circuit is open, and the server is not shutting down. A half-open circuit (a site that was
/// down is being probed) is reported as degraded but healthy.
/// </summary>
internal sealed class HealthChecker(IStateDatabase database, IEnumerable<ServerSite> sites, IntakeGate gate, ServerMetrics metrics, AlertMonitor alerts, TimeProvider time)
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, HealthCheck>(StringComparer.Ordinal);
        var reasons = new List<string>();

        checks["database"] = await CheckDatabaseAsync(cancellationToken);
        if (checks["database"].Status == "failed")
            reasons.Add($"state database unreachable: {checks["database"].Detail}");

        foreach (var site in sites)
        {
            var name = site.Name.ToWire();
            var circuit = StatusReader.Circuit(site);
            var where = site.BaseUrl?.ToString() ?? name;
            checks[name] = circuit switch
            {
                "open" => new HealthCheck("failed", $"{where}: unreachable, circuit open; requests fail fast until a probe succeeds"),
                "half_open" => new HealthCheck("degraded", $"{where}: recovering, circuit half-open"),
                "unknown" => new HealthCheck("degraded", $"{where}: circuit state unknown"),
                _ => new HealthCheck("ok", $"{where}: reachable"),
            };
            if (circuit == "open")
                reasons.Add($"{name} site unreachable (circuit open)");
        }

        checks["intake"] = gate.IsOpen ? new HealthCheck("ok", "accepting webhooks") : new HealthCheck("failed", "shutting down; new webhooks get 503");
        if (!gate.IsOpen)
            reasons.Add("shutting down");

        return new HealthReport(reasons.Count == 0 ? "healthy" : "unhealthy", ServerInfo.ServiceName, ServerInfo.Version, time.GetUtcNow(), reasons, checks)
        {
            Alerts = alerts.Active,
        };
    }

    private async Task<HealthCheck> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            var stats = await database.Queue.GetStatsAsync(timeout.Token);
            metrics.UpdateQueue(stats);
            return new HealthCheck("ok", database.Description);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheck("failed", $"{database.Description}: no answer within {DatabaseTimeout.TotalSeconds} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheck("failed", $"{database.Description}: {e.Message}");
        }
    }
}
