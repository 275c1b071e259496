using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Emulator;
using ErpSync.Server.Webhooks;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>
/// Installs on an emulated site the Webhook documents <c>erpsync setup-webhook</c> would create: one per event of
/// <see cref="WebhookTemplate.Events"/>, JSON body from <see cref="WebhookTemplate.Json"/>, signed with the secret.
/// </summary>
internal static class SiteWebhooks
{
    /// <summary>Creates the hooks for <paramref name="docType"/> delivering to <paramref name="server"/>; returns their names.</summary>
    public static IReadOnlyList<string> Install(EmulatedSite site, SiteName source, string docType, Uri server, string secret) =>
        WebhookTemplate.Events.Select(docEvent => site.Backdoor.Insert("Webhook", new JsonObject
        {
            ["webhook_doctype"] = docType,
            ["webhook_docevent"] = docEvent,
            ["enabled"] = 1,
            ["request_url"] = UrlFor(server, source),
            ["request_method"] = "POST",
            ["request_structure"] = WebhookTemplate.RequestStructure,
            ["webhook_json"] = WebhookTemplate.Json(docEvent),
            ["enable_security"] = 1,
            ["webhook_secret"] = secret,
            ["webhook_headers"] = new JsonArray(new JsonObject { ["key"] = "Content-Type", ["value"] = WebhookTemplate.ContentType }),
        })["name"]!.GetValue<string>()).ToList();

    /// <summary>Points existing hooks at another server address (a restarted server on a new port).</summary>
    public static void Retarget(EmulatedSite site, SiteName source, IEnumerable<string> hooks, Uri server)
    {
        foreach (var hook in hooks)
            site.Backdoor.Update("Webhook", hook, new JsonObject { ["request_url"] = UrlFor(server, source) });
    }

    /// <summary>
    /// Turns hooks off when their test ends, so the next test on the same sites does not wait for deliveries
    /// (and retries) to a server that no longer runs.
    /// </summary>
    public static void Disable(EmulatedSite site, IEnumerable<string> hooks)
    {
        foreach (var hook in hooks)
            site.Backdoor.Update("Webhook", hook, new JsonObject { ["enabled"] = 0 });
    }

    private static string UrlFor(Uri server, SiteName source) => new Uri(server, WebhookTemplate.Path(source)).ToString();
}
