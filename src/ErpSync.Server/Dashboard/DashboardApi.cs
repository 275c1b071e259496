using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ErpSync.Server.Dashboard;

/// <summary><c>GET /</c>: one self-contained page (no external scripts or styles) that refreshes from <c>/status</c> and <c>/health</c>.</summary>
internal static class DashboardApi
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(DashboardApi).Assembly.GetManifestResourceStream("ErpSync.Server.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("The dashboard page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-store";
            response.Headers["Content-Security-Policy"] = "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'";
            return TypedResults.Content(Page.Value, "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
