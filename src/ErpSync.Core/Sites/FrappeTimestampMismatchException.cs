namespace ErpSync.Core.Sites;

/// <summary>417 TimestampMismatchError outside a compare-and-swap update (where it is a StaleWrite value instead).</summary>
public class FrappeTimestampMismatchException : FrappeValidationException
{
    /// <summary>Creates the exception.</summary>
    public FrappeTimestampMismatchException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }
}
