namespace ErpSync.Server.Webhooks;

/// <summary>The JSON answer to a webhook (the original tool's <c>status</c>/<c>message</c> shape, plus what was queued).</summary>
/// <param name="Status"><c>success</c> (queued), <c>skipped</c> (DocType not synced) or <c>error</c>.</param>
/// <param name="Message">What happened, or what to fix.</param>
/// <param name="Id">Queue item id, when queued.</param>
/// <param name="Doctype">DocType, when read.</param>
/// <param name="Name">Document name, when read.</param>
internal sealed record WebhookReply(string Status, string Message, long? Id = null, string? Doctype = null, string? Name = null);
