namespace ErpSync.Core.Sites;

/// <summary>417 UpdateAfterSubmitError: a field without allow_on_submit was changed on a submitted document.</summary>
public class FrappeUpdateAfterSubmitException : FrappeValidationException
{
    /// <summary>Creates the exception.</summary>
    public FrappeUpdateAfterSubmitException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }
}
