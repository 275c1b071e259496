namespace ErpSync.Frappe.Webhooks;

/// <summary>A <c>Webhook Data</c> row (request structure <c>Form URL-Encoded</c>): body key ← document field.</summary>
/// <param name="Fieldname">Document field, e.g. <c>name</c>.</param>
/// <param name="Key">Key in the delivered JSON body.</param>
public sealed record WebhookDataField(string Fieldname, string Key);
