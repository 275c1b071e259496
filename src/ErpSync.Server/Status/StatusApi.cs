using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ErpSync.Server.Status;

/// <summary><c>GET /status</c>: queue, pairs, per-DocType lag, sites, recent operations and open conflicts as JSON.</summary>
internal static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/status", GetAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<StatusReport>, JsonHttpResult<ErrorReply>>> GetAsync(StatusReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await reader.ReadAsync(cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Json(new ErrorReply("error", $"the state database cannot be read: {e.Message}"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
