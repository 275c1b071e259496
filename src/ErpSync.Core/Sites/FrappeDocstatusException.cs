namespace ErpSync.Core.Sites;

/// <summary>417 DocstatusTransitionError or an edit of a cancelled document: the lifecycle forbids the change.</summary>
public class FrappeDocstatusException : FrappeValidationException
{
    /// <summary>Creates the exception.</summary>
    public FrappeDocstatusException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }
}
