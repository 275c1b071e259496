namespace ErpSync.Core.Sites;

/// <summary>409 DuplicateEntryError: a document with that name already exists (names compare case-insensitively on MariaDB).</summary>
public class FrappeDuplicateException : FrappeException
{
    /// <summary>Creates the exception.</summary>
    public FrappeDuplicateException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }
}
