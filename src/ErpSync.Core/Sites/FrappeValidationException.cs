namespace ErpSync.Core.Sites;

/// <summary>417: the site refused the document (ValidationError and its kin without a more specific class here).</summary>
public class FrappeValidationException : FrappeException
{
    /// <summary>Creates the exception.</summary>
    public FrappeValidationException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }
}
