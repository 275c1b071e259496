namespace ErpSync.Core.Sites;

/// <summary>
/// A request to a Frappe site failed. Carries what the site said, decoded; never a secret.
/// Subclasses name the failures the sync reacts to differently.
/// </summary>
public class FrappeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FrappeException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ExcType = excType;
        DocType = docType;
        DocName = docName;
    }

    /// <summary>HTTP status, or <c>null</c> when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>Frappe's exception class name (<c>exc_type</c>, or parsed from <c>exception</c>).</summary>
    public string? ExcType { get; }

    /// <summary>DocType the request was about, if any.</summary>
    public string? DocType { get; }

    /// <summary>Document name the request was about, if any.</summary>
    public string? DocName { get; }

    /// <summary>Whether retrying the same request later may succeed (network, 429, 502/503/504, circuit open).</summary>
    public virtual bool IsTransient => false;
}
