namespace ErpSync.Server.Webhooks;

/// <summary>What one webhook body says: which document, which event, and the details it carried.</summary>
/// <param name="DocType">DocType as sent.</param>
/// <param name="DocName">Document name on the sending site.</param>
/// <param name="Action">Event (<c>on_update</c>, <c>on_trash</c>, …; <c>webhook</c> when the body names none).</param>
/// <param name="Modified">The document's <c>modified</c>, when sent.</param>
/// <param name="ModifiedBy">Who saved it, when sent (recognises the echo of our own writes in logs).</param>
internal sealed record WebhookEvent(string DocType, string DocName, string Action, string? Modified, string? ModifiedBy);
