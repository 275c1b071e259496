using ErpSync.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ErpSync.Server.Metrics;

/// <summary><c>GET /metrics</c>: every ErpSync meter in the Prometheus text format, with the queue depth read fresh.</summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", GetAsync);
        return endpoints;
    }

    private static async Task<ContentHttpResult> GetAsync(IStateDatabase database, ServerMetrics metrics, MetricsCollector collector, CancellationToken cancellationToken)
    {
        try
        {
            metrics.UpdateQueue(await database.Queue.GetStatsAsync(cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The last figures read are exposed; /health reports the database.
        }

        return TypedResults.Text(PrometheusWriter.Write(collector.Collect()), PrometheusWriter.ContentType);
    }
}
