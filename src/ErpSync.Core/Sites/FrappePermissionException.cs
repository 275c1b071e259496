namespace ErpSync.Core.Sites;

/// <summary>403 PermissionError: the API user lacks a permission (or the request was treated as Guest).</summary>
public class FrappePermissionException : FrappeException
{
    /// <summary>Creates the exception.</summary>
    public FrappePermissionException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }
}
