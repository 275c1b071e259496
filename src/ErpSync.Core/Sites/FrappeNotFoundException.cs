namespace ErpSync.Core.Sites;

/// <summary>404 DoesNotExistError: the document or DocType does not exist on the site.</summary>
public class FrappeNotFoundException : FrappeException
{
    /// <summary>Creates the exception.</summary>
    public FrappeNotFoundException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }
}
