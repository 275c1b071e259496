using ErpSync.Core.Sites;
using ErpSync.Frappe.Webhooks;
using ErpSync.Server.Webhooks;

namespace ErpSync.Cli.Webhooks;

/// <summary>
/// The Webhook documents both sites need: one per configured DocType and per event the server handles
/// (<see cref="WebhookTemplate.Events"/>), each posting <see cref="WebhookTemplate"/>'s JSON body to
/// <c>BASE/webhook/cloud</c> or <c>BASE/webhook/local</c>, signed with <c>WEBHOOK_SECRET</c> when it is set.
/// </summary>
internal static class WebhookPlan
{
    /// <summary>Reads each DocType's metadata from <paramref name="site"/> (submittable or not) and plans its Webhooks.</summary>
    public static async Task<IReadOnlyList<WebhookTarget>> ForSiteAsync(IFrappeSite site, IReadOnlyList<string> docTypes, Uri baseUrl, string? secret, CancellationToken cancellationToken)
    {
        var metas = new List<DocTypeMeta>(docTypes.Count);
        foreach (var docType in docTypes)
            metas.Add(await site.GetMetaAsync(docType, cancellationToken));
        return For(site.Site, baseUrl, metas, secret);
    }

    public static IReadOnlyList<WebhookTarget> For(SiteName site, Uri baseUrl, IReadOnlyList<DocTypeMeta> docTypes, string? secret) =>
        docTypes.SelectMany(meta => WebhookTemplate.Events.Select(docEvent => new WebhookTarget(site, meta.Name, docEvent, Definition(site, baseUrl, meta.Name, docEvent, secret))))
            .ToList();

    public static Uri RequestUrl(Uri baseUrl, SiteName site) =>
        new(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), WebhookTemplate.Path(site).TrimStart('/'));

    private static WebhookDefinition Definition(SiteName site, Uri baseUrl, string docType, string docEvent, string? secret) => new()
    {
        DocType = docType,
        DocEvent = docEvent,
        RequestUrl = RequestUrl(baseUrl, site),
        RequestMethod = "POST",
        RequestStructure = WebhookTemplate.RequestStructure,
        WebhookJson = WebhookTemplate.Json(docEvent),
        Enabled = true,
        EnableSecurity = secret is not null,
        Secret = secret,
        Headers = [new WebhookHeader("Content-Type", WebhookTemplate.ContentType)],
    };
}
