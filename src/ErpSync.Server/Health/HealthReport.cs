namespace ErpSync.Server.Health;

/// <summary><c>GET /health</c>: <c>healthy</c> (200) or <c>unhealthy</c> (503) with every reason, and each check.</summary>
internal sealed record HealthReport(
    string Status,
    string Service,
    string Version,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> Reasons,
    IReadOnlyDictionary<string, HealthCheck> Checks);

/// <summary>One check: <c>ok</c>, <c>degraded</c> (works, with a warning) or <c>failed</c>.</summary>
internal sealed record HealthCheck(string Status, string Detail);
