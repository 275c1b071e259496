using ErpSync.Core.Sites;
using ErpSync.Frappe.Webhooks;

namespace ErpSync.Cli.Webhooks;

/// <summary>One Webhook document a site should hold: its site, DocType, event and exact settings.</summary>
internal sealed record WebhookTarget(SiteName Site, string DocType, string Event, WebhookDefinition Definition);
