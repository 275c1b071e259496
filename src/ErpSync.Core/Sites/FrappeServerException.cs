namespace ErpSync.Core.Sites;

/// <summary>A 5xx answer or a body that is not Frappe's JSON. 502/503/504 are transient; 500 is not.</summary>
public class FrappeServerException : FrappeException
{
    /// <summary>Creates the exception.</summary>
    public FrappeServerException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => StatusCode is 502 or 503 or 504;
}
