namespace ErpSync.Frappe.Webhooks;

/// <summary>
/// The settings of a Frappe <c>Webhook</c> document. <see cref="Secret"/> is write-only (the site masks it on read)
/// and never printed by <see cref="ToString"/>.
/// </summary>
public sealed record WebhookDefinition
{
    /// <summary>Document name to ask for. V15+ names Webhooks by prompt; V14 ignores it and uses <c>HOOK-.####</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>webhook_doctype</c>: the DocType whose events are delivered.</summary>
    public required string DocType { get; init; }

    /// <summary><c>webhook_docevent</c>: <c>after_insert</c>, <c>on_update</c>, <c>on_submit</c>, <c>on_cancel</c>, <c>on_trash</c>, …</summary>
    public required string DocEvent { get; init; }

    /// <summary><c>request_url</c>: where the site delivers.</summary>
    public required Uri RequestUrl { get; init; }

    /// <summary><c>request_method</c> (default POST).</summary>
    public string RequestMethod { get; init; } = "POST";

    /// <summary><c>request_structure</c>: <c>JSON</c> (default, uses <see cref="WebhookJson"/>) or <c>Form URL-Encoded</c> (uses <see cref="DataFields"/>).</summary>
    public string RequestStructure { get; init; } = "JSON";

    /// <summary><c>webhook_json</c>: the Jinja template of the JSON body.</summary>
    public string? WebhookJson { get; init; }

    /// <summary><c>condition</c>: Python expression on <c>doc</c>; falsy skips the delivery.</summary>
    public string? Condition { get; init; }

    /// <summary><c>enabled</c>.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>enable_security</c>: whether deliveries carry <c>X-Frappe-Webhook-Signature</c>.</summary>
    public bool EnableSecurity { get; init; }

    /// <summary><c>webhook_secret</c> to set; <c>null</c> leaves the stored one unchanged. Never printed.</summary>
    public string? Secret { get; init; }

    /// <summary><c>timeout</c> in seconds for one delivery (site default 5).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary><c>webhook_headers</c> rows.</summary>
    public IReadOnlyList<WebhookHeader> Headers { get; init; } = [];

    /// <summary><c>webhook_data</c> rows (Form URL-Encoded only).</summary>
    public IReadOnlyList<WebhookDataField> DataFields { get; init; } = [];

    /// <summary>Prints the settings with the secret masked.</summary>
    public override string ToString() =>
        $"Webhook {{ Name = {Name}, DocType = {DocType}, DocEvent = {DocEvent}, RequestUrl = {RequestUrl}, Method = {RequestMethod}, " +
        $"Structure = {RequestStructure}, Enabled = {Enabled}, EnableSecurity = {EnableSecurity}, Secret = {(Secret is null ? "(unchanged)" : "***")}, " +
        $"Headers = {Headers.Count}, DataFields = {DataFields.Count} }}";
}
