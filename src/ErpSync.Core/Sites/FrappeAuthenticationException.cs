namespace ErpSync.Core.Sites;

/// <summary>401 AuthenticationError: API key or secret wrong or unknown.</summary>
public class FrappeAuthenticationException : FrappeException
{
    /// <summary>Creates the exception.</summary>
    public FrappeAuthenticationException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }
}
