namespace ErpSync.Emulator;

/// <summary>A backdoor operation the site refused, with the status and JSON body the REST API would have answered.</summary>
public sealed class EmulatorRequestException(int status, string body)
    : Exception($"The emulated site refused the operation with HTTP {status}: {body}")
{
    /// <summary>HTTP status (409 duplicate, 417 validation, 404 missing…).</summary>
    public int Status { get; } = status;

    /// <summary>Frappe's error envelope as JSON (<c>exc_type</c>, <c>exception</c>, <c>_server_messages</c>…).</summary>
    public string Body { get; } = body;
}
