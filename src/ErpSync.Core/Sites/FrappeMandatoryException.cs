namespace ErpSync.Core.Sites;

/// <summary>417 MandatoryError: required fields are missing.</summary>
public class FrappeMandatoryException : FrappeValidationException
{
    /// <summary>Creates the exception.</summary>
    public FrappeMandatoryException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }

    /// <summary>Fieldnames or labels the site reported missing.</summary>
    public IReadOnlyList<string> MissingFields { get; init; } = [];
}
