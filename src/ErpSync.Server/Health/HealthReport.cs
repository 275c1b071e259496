using ErpSync.Server.Alerts;

namespace ErpSync.Server.Health;

/// <summary>
/// <c>GET /health</c>: <c>healthy</c> (200) or <c>unhealthy</c> (503) with every reason, and each check. Active
/// alerts are listed too; they do not change the status code (an unresolved conflict does not make the server unready).
/// </summary>
internal sealed record HealthReport(
    string Status,
    string Service,
    string Version,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> Reasons,
    IReadOnlyDictionary<string, HealthCheck> Checks)
{
    /// <summary>Alerts active at the last evaluation.</summary>
    public IReadOnlyList<ActiveAlert> Alerts { get; init; } = [];
}

/// <summary>One check: <c>ok</c>, <c>degraded</c> (works, with a warning) or <c>failed</c>.</summary>
internal sealed record HealthCheck(string Status, string Detail);
