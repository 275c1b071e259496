namespace ErpSync.Core.Sites;

/// <summary>429: the site's rate limit is exhausted; retry after RetryAfter.</summary>
public class FrappeRateLimitedException : FrappeException
{
    /// <summary>Creates the exception.</summary>
    public FrappeRateLimitedException(string message, int? statusCode = null, string? excType = null, string? docType = null, string? docName = null, Exception? innerException = null)
        : base(message, statusCode, excType, docType, docName, innerException)
    {
    }

    /// <summary>How long the site asked callers to wait (Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
