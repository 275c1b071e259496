namespace ErpSync.Core.Sites;

/// <summary>No usable answer: DNS failure, connection refused, TLS error, timeout, or the circuit to the site is open.</summary>
public class FrappeUnavailableException : FrappeException
{
    /// <summary>Creates the exception.</summary>
    public FrappeUnavailableException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
