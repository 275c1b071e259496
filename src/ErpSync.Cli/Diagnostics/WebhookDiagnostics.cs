using ErpSync.Core.Sites;
using ErpSync.Frappe.Webhooks;
using ErpSync.Server.Webhooks;

namespace ErpSync.Cli.Diagnostics;

/// <summary>
/// Whether each site has an enabled Webhook per synced DocType that posts to this tool's intake
/// (<c>/webhook/cloud</c> or <c>/webhook/local</c>) for every event the sync needs, signed when a secret is configured.
/// </summary>
internal static class WebhookDiagnostics
{
    public static async Task<DoctorCheck> RunAsync(
        IReadOnlyList<(SiteName Site, IFrappeWebhooks Hooks)> sites,
        IReadOnlyDictionary<string, (DocTypeMeta? Cloud, DocTypeMeta? Local)> metas,
        bool secretConfigured,
        CancellationToken cancellationToken)
    {
        if (sites.Count == 0) return new DoctorCheck("webhooks", "webhook registration", CheckStatus.Skip, "skipped: no site is reachable");
        var missing = new List<string>();
        var unsigned = new List<string>();
        var good = 0;
        foreach (var (site, hooks) in sites)
        {
            IReadOnlyList<WebhookDocument> all;
            try
            {
                all = await hooks.ListWebhooksAsync(null, cancellationToken);
            }
            catch (FrappeException ex)
            {
                return new DoctorCheck("webhooks", "webhook registration", CheckStatus.Fail, $"{site.ToWire()} site: Webhook documents cannot be read: {ex.Message}",
                    "give the API user read access to Webhook (System Manager)");
            }

            var intake = $"/webhook/{site.ToWire()}";
            foreach (var (docType, meta) in metas)
            {
                var submittable = (site == SiteName.Cloud ? meta.Cloud : meta.Local)?.IsSubmittable ?? false;
                var ours = all.Where(w => w.Definition.Enabled && string.Equals(w.Definition.DocType, docType, StringComparison.Ordinal)
                                          && w.Definition.RequestUrl.AbsolutePath.TrimEnd('/').EndsWith(intake, StringComparison.Ordinal)).ToList();
                // The events setup-webhook installs, or a hand-made set that reaches the same changes.
                var absent = WebhookTemplate.Events.Where(e => !ours.Any(w => Covers(w.Definition.DocEvent, e, submittable))).ToList();
                if (absent.Count > 0) missing.Add($"{site.ToWire()} {docType}: {string.Join(", ", absent)}");
                else good++;
                if (secretConfigured && ours.Any(w => !w.Definition.EnableSecurity || !w.HasSecret))
                    unsigned.Add($"{site.ToWire()} {docType}");
            }
        }

        if (missing.Count > 0)
        {
            return new DoctorCheck("webhooks", "webhook registration", CheckStatus.Fail, $"no enabled webhook to {{url}}/webhook/<site> for {string.Join("; ", missing)}",
                "run 'erpsync setup-webhook' to see the settings, or 'erpsync setup-webhook --apply' to create them on both sites (until then only 'erpsync sync' and the sweep pick changes up)");
        }

        if (unsigned.Count > 0)
        {
            return new DoctorCheck("webhooks", "webhook registration", CheckStatus.Fail, $"webhooks without a signing secret (Enable Security) for {string.Join(", ", unsigned)}; the server refuses them",
                "run 'erpsync setup-webhook --apply' to set WEBHOOK_SECRET on them");
        }

        return new DoctorCheck("webhooks", "webhook registration", CheckStatus.Ok, $"{good} DocType webhook set(s) on {sites.Count} site(s) cover every needed event");
    }

    /// <summary>
    /// Frappe fires on_update on insert and on every save, so it stands in for after_insert, and for on_change where
    /// the DocType is not submittable (there on_change adds only deletes, which on_trash covers). On a submittable
    /// DocType on_change is needed for cancels and updates after submit.
    /// </summary>
    private static bool Covers(string registered, string needed, bool submittable) =>
        string.Equals(registered, needed, StringComparison.Ordinal)
        || (registered == "on_update" && (needed == "after_insert" || (needed == "on_change" && !submittable)));
}
