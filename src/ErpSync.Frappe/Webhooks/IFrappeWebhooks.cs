namespace ErpSync.Frappe.Webhooks;

/// <summary>Reads and writes a site's <c>Webhook</c> documents (for <c>erpsync setup-webhook --apply</c>).</summary>
public interface IFrappeWebhooks
{
    /// <summary>Every Webhook document, with its header and data rows; only those for <paramref name="doctype"/> when given.</summary>
    Task<IReadOnlyList<WebhookDocument>> ListWebhooksAsync(string? doctype, CancellationToken cancellationToken);

    /// <summary>Creates a Webhook document and returns it as stored.</summary>
    Task<WebhookDocument> CreateWebhookAsync(WebhookDefinition definition, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the settings (and header/data rows) of Webhook <paramref name="name"/>; compare-and-swap when
    /// <paramref name="expectedModified"/> is given (<see cref="Core.Sites.FrappeTimestampMismatchException"/> when it changed).
    /// </summary>
    Task<WebhookDocument> UpdateWebhookAsync(string name, WebhookDefinition definition, string? expectedModified, CancellationToken cancellationToken);
}
