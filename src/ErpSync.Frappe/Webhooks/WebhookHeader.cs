namespace ErpSync.Frappe.Webhooks;

/// <summary>A <c>Webhook Header</c> row: a header the site adds to each delivery.</summary>
/// <param name="Key">Header name, e.g. <c>Content-Type</c>.</param>
/// <param name="Value">Header value.</param>
public sealed record WebhookHeader(string Key, string Value);
