using ErpSync.Core.Sites;
using ErpSync.Frappe.Errors;

namespace ErpSync.Frappe.Resilience;

/// <summary>
/// Carries one attempt's failure through the resilience pipeline with what the retry and circuit strategies
/// need to know; unwrapped to <see cref="Failure"/> before the caller sees it.
/// </summary>
internal sealed class AttemptException : Exception
{
    public AttemptException(FrappeException failure, bool retryable, bool siteDown, string kind)
        : base(failure.Message, failure)
    {
        Failure = failure;
        Retryable = retryable;
        SiteDown = siteDown;
        Kind = kind;
    }

    public AttemptException()
        : this(new FrappeException("unknown failure"), false, false, "unknown")
    {
    }

    public AttemptException(string message)
        : this(new FrappeException(message), false, false, "unknown")
    {
    }

    public AttemptException(string message, Exception innerException)
        : this(new FrappeException(message, innerException: innerException), false, false, "unknown")
    {
    }

    /// <summary>The exception the caller gets.</summary>
    public FrappeException Failure { get; }

    /// <summary>Whether the retry strategy may send the request again.</summary>
    public bool Retryable { get; }

    /// <summary>Whether the failure says the site is unreachable or overloaded (counts towards opening the circuit).</summary>
    public bool SiteDown { get; }

    /// <summary>Short failure kind for logs and metrics.</summary>
    public string Kind { get; }

    /// <summary>Delay the site asked for (429 Retry-After).</summary>
    public TimeSpan? RetryAfter => (Failure as FrappeRateLimitedException)?.RetryAfter;
}
