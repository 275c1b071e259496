using ErpSync.Frappe.Webhooks;
using ErpSync.Server.Webhooks;

namespace ErpSync.Cli.Webhooks;

/// <summary>
/// Creates or updates a site's Webhook documents so they match a plan, idempotently: a Webhook is ours when it
/// is for the same DocType and event and posts to the same <c>/webhook/{site}</c> path (any host, so a changed
/// address is updated in place instead of duplicated); one that already matches is left untouched.
/// The site never reveals a stored secret, so an existing secret counts as right unless <c>rotateSecret</c>.
/// </summary>
internal static class WebhookInstaller
{
    public static async Task<IReadOnlyList<WebhookChange>> ApplyAsync(IFrappeWebhooks site, IReadOnlyList<WebhookTarget> targets, bool rotateSecret, CancellationToken cancellationToken)
    {
        var changes = new List<WebhookChange>(targets.Count);
        foreach (var group in targets.GroupBy(t => t.DocType, StringComparer.Ordinal))
        {
            var existing = await site.ListWebhooksAsync(group.Key, cancellationToken);
            foreach (var target in group)
                changes.Add(await ApplyOneAsync(site, target, existing, rotateSecret, cancellationToken));
        }

        return changes;
    }

    private static async Task<WebhookChange> ApplyOneAsync(IFrappeWebhooks site, WebhookTarget target, IReadOnlyList<WebhookDocument> existing, bool rotateSecret, CancellationToken cancellationToken)
    {
        var path = WebhookTemplate.Path(target.Site);
        var ours = existing
            .Where(w => string.Equals(w.Definition.DocType, target.DocType, StringComparison.Ordinal)
                        && string.Equals(w.Definition.DocEvent, target.Event, StringComparison.Ordinal)
                        && string.Equals(w.Definition.RequestUrl.AbsolutePath.TrimEnd('/'), path, StringComparison.Ordinal))
            .ToList();
        if (ours.Count == 0)
        {
            var created = await site.CreateWebhookAsync(target.Definition, cancellationToken);
            return new WebhookChange(target, WebhookChangeKind.Created, created.Name, [], []);
        }

        // Prefer one that is already right, so a rerun with duplicates around still changes nothing.
        var keep = ours.FirstOrDefault(w => Differences(target.Definition, w, rotateSecret).Count == 0) ?? ours[0];
        var duplicates = ours.Where(w => !ReferenceEquals(w, keep)).Select(w => w.Name).ToList();
        var differences = Differences(target.Definition, keep, rotateSecret);
        if (differences.Count == 0)
            return new WebhookChange(target, WebhookChangeKind.Unchanged, keep.Name, [], duplicates);

        var updated = await site.UpdateWebhookAsync(keep.Name, target.Definition, keep.Modified, cancellationToken);
        return new WebhookChange(target, WebhookChangeKind.Updated, updated.Name, differences, duplicates);
    }

    /// <summary>The settings of <paramref name="actual"/> that differ from <paramref name="wanted"/>, by Frappe field name.</summary>
    public static IReadOnlyList<string> Differences(WebhookDefinition wanted, WebhookDocument actual, bool rotateSecret)
    {
        var have = actual.Definition;
        var result = new List<string>();
        if (!have.Enabled) result.Add("enabled");
        if (have.RequestUrl != wanted.RequestUrl) result.Add($"request_url (was {have.RequestUrl})");
        if (!string.Equals(have.RequestMethod, wanted.RequestMethod, StringComparison.OrdinalIgnoreCase)) result.Add("request_method");
        if (!string.Equals(have.RequestStructure, wanted.RequestStructure, StringComparison.Ordinal)) result.Add("request_structure");
        if (!string.Equals(have.WebhookJson?.Trim(), wanted.WebhookJson?.Trim(), StringComparison.Ordinal)) result.Add("webhook_json");
        if (!string.IsNullOrWhiteSpace(have.Condition)) result.Add("condition");
        if (have.EnableSecurity != wanted.EnableSecurity) result.Add("enable_security");
        if (wanted.Secret is not null && (!actual.HasSecret || rotateSecret)) result.Add("webhook_secret");
        if (!SameHeaders(have.Headers, wanted.Headers)) result.Add("webhook_headers");
        if (have.DataFields.Count > 0) result.Add("webhook_data");
        return result;
    }

    private static bool SameHeaders(IReadOnlyList<WebhookHeader> have, IReadOnlyList<WebhookHeader> wanted) =>
        have.Count == wanted.Count
        && have.Zip(wanted).All(p => string.Equals(p.First.Key, p.Second.Key, StringComparison.OrdinalIgnoreCase) && string.Equals(p.First.Value, p.Second.Value, StringComparison.Ordinal));
}
