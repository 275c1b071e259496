namespace ErpSync.Emulator.Errors;

/// <summary>
/// A failed request as Frappe v14 reports it: HTTP status plus the error envelope's parts. Which parts are
/// present mirrors how Frappe raised it (<c>frappe.throw</c> sets <c>exc_type</c>, a bare <c>raise</c> does
/// not; 404s carry no <c>exception</c>), as recorded in the transcripts.
/// </summary>
internal sealed class FrappeError(int status, string? exceptionText) : Exception(exceptionText ?? $"HTTP {status}")
{
    public int Status { get; } = status;

    /// <summary><c>exc_type</c>; null when Frappe leaves it out.</summary>
    public string? ExcType { get; init; }

    /// <summary><c>exception</c> text (<c>frappe.exceptions.X: message</c>); null for 404s.</summary>
    public string? ExceptionText { get; } = exceptionText;

    /// <summary>The msgprint entries that become <c>_server_messages</c>.</summary>
    public IReadOnlyList<ServerMessage> Messages { get; init; } = [];

    /// <summary><c>_error_message</c> (some permission errors).</summary>
    public string? ErrorMessage { get; init; }
}
