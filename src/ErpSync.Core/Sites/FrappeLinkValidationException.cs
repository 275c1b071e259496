namespace ErpSync.Core.Sites;

/// <summary>417 LinkValidationError: a Link value names a document that does not exist on the site.</summary>
public class FrappeLinkValidationException : FrappeValidationException
{
    /// <summary>Creates the exception.</summary>
    public FrappeLinkValidationException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }

    /// <summary>
    /// The missing targets parsed from the message (<c>Could not find Customer: X</c>,
    /// <c>Could not find Row #1: Item Code: Y</c>), with the label resolved to the target DocType through
    /// metadata where the client could; <see cref="MissingLink.DocType"/> is the label otherwise.
    /// </summary>
    public IReadOnlyList<MissingLink> MissingLinks { get; init; } = [];
}

/// <summary>A Link target the site could not find.</summary>
/// <param name="DocType">Target DocType (or the field label when it could not be resolved).</param>
/// <param name="Name">The missing name.</param>
/// <param name="Fieldname">The Link field, when resolved.</param>
/// <param name="RowIndex">1-based child row index for child-row links.</param>
public sealed record MissingLink(string DocType, string Name, string? Fieldname = null, int? RowIndex = null);
