namespace ErpSync.Server.Webhooks;

/// <summary>A parsed webhook: the event, or the error and a message saying what to fix.</summary>
internal sealed record WebhookParseResult(WebhookEvent? Event, WebhookParseError? Error, string Message)
{
    public static WebhookParseResult Ok(WebhookEvent webhookEvent) => new(webhookEvent, null, "");

    public static WebhookParseResult Malformed(string message) => new(null, WebhookParseError.Malformed, message);

    public static WebhookParseResult Missing(string message) => new(null, WebhookParseError.MissingFields, message);
}
