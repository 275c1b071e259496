namespace ErpSync.Emulator;

/// <summary>
/// One delivery attempt of a Webhook (what the site's Webhook Request Log records), or a job that never
/// attempted (dropped by a fault, template failure).
/// </summary>
/// <param name="Webhook">Webhook document name (HOOK-0001…).</param>
/// <param name="DocType">DocType of the document that triggered it.</param>
/// <param name="DocName">Name of that document.</param>
/// <param name="Event">The doc event (on_update, after_insert…).</param>
/// <param name="Url">Request URL.</param>
/// <param name="Attempt">1-based attempt number; 0 when no request was sent.</param>
/// <param name="StatusCode">Receiver's HTTP status; null when no response (refused, timeout, not sent).</param>
/// <param name="Body">Body sent (Python <c>json.dumps</c> text); null when none was built.</param>
/// <param name="Headers">Headers sent besides the HTTP client's own.</param>
/// <param name="Error">Why it failed (traceback-like text), or null.</param>
/// <param name="Dropped">True when a fault dropped the delivery before any attempt.</param>
/// <param name="At">When the attempt finished (delivery clock).</param>
public sealed record WebhookDelivery(
    string Webhook,
    string DocType,
    string DocName,
    string Event,
    string Url,
    int Attempt,
    int? StatusCode,
    string? Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Error,
    bool Dropped,
    DateTimeOffset At)
{
    /// <summary>The receiver answered 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
