namespace ErpSync.Server.Webhooks;

/// <summary>Why a webhook body cannot be queued: unreadable (400) or without the document it is about (422).</summary>
internal enum WebhookParseError
{
    /// <summary>Not JSON or form data, or not an object.</summary>
    Malformed,

    /// <summary>Readable, but the DocType or the name is missing.</summary>
    MissingFields,
}
