using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ErpSync.Server.Health;

/// <summary><c>GET /health</c> (readiness: 200 healthy / 503 with reasons) and <c>GET /health/live</c> (the process answers).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/health");
        group.MapGet("", GetAsync);
        group.MapGet("/live", () => TypedResults.Ok(new LiveReply("alive", ServerInfo.ServiceName)));
        return endpoints;
    }

    private static async Task<JsonHttpResult<HealthReport>> GetAsync(HealthChecker checker, CancellationToken cancellationToken)
    {
        var report = await checker.CheckAsync(cancellationToken);
        return TypedResults.Json(report, statusCode: report.Reasons.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private sealed record LiveReply(string Status, string Service);
}
