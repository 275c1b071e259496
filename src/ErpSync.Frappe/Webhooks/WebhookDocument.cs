namespace ErpSync.Frappe.Webhooks;

/// <summary>A <c>Webhook</c> document as the site holds it.</summary>
/// <param name="Name">Document name (V14: <c>HOOK-0001</c>…).</param>
/// <param name="Modified">Its <c>modified</c> string, for a compare-and-swap update.</param>
/// <param name="Definition">Its settings; <see cref="WebhookDefinition.Secret"/> is always <c>null</c> (the site masks it).</param>
/// <param name="HasSecret">Whether a secret is stored.</param>
public sealed record WebhookDocument(string Name, string Modified, WebhookDefinition Definition, bool HasSecret);
