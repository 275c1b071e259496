using ErpSync.Core.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ErpSync.Server.Webhooks;

/// <summary><c>POST /webhook/cloud</c> and <c>POST /webhook/local</c>: where each site's Webhook documents deliver.</summary>
internal static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/webhook");
        group.MapPost("/cloud", (HttpRequest request, WebhookIntake intake, CancellationToken ct) => intake.AcceptAsync(SiteName.Cloud, request, ct));
        group.MapPost("/local", (HttpRequest request, WebhookIntake intake, CancellationToken ct) => intake.AcceptAsync(SiteName.Local, request, ct));
        return endpoints;
    }
}
