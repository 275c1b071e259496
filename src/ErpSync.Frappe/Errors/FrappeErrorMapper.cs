using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;

namespace ErpSync.Frappe.Errors;

/// <summary>Turns a non-success HTTP answer into the typed <see cref="FrappeException"/> the sync reacts to.</summary>
internal static class FrappeErrorMapper
{
    /// <summary><see cref="Exception.Data"/> key holding the decoded human message the site sent.</summary>
    public const string RawMessageKey = "ErpSync.Frappe.RawMessage";

    private const int SnippetLength = 200;

    /// <summary>Whether the body is Frappe's JSON error envelope (an object), as opposed to a proxy's page.</summary>
    public static JsonObject? TryParseObject(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
            return null;
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static FrappeException Map(RequestContext request, int status, ReadOnlySpan<byte> body, TimeSpan? retryAfter, Func<string, string> scrub)
    {
        var json = TryParseObject(body);
        if (json is null)
            return NonJson(request, status, body, retryAfter, scrub);
        var error = FrappeErrorBody.From(json);
        var human = scrub(error.HumanMessage ?? DefaultText(status));
        var mapped = Typed(request, status, error, human, retryAfter);
        mapped.Data[RawMessageKey] = human;
        return mapped;
    }

    private static FrappeException Typed(RequestContext request, int status, FrappeErrorBody error, string human, TimeSpan? retryAfter)
    {
        var message = Compose(request, status, error.ExcType, human);
        var (dt, dn) = (request.DocType, request.DocName);
        var excType = error.ExcType;

        switch (excType)
        {
            case "TimestampMismatchError":
                return new FrappeTimestampMismatchException(message, status, excType, dt, dn);
            case "LinkValidationError":
                return new FrappeLinkValidationException(message, status, excType, dt, dn)
                {
                    MissingLinks = LinkErrorParser.Parse(FirstRaised(error) ?? error.ExceptionText),
                };
            case "MandatoryError":
                return new FrappeMandatoryException(message, status, excType, dt, dn)
                {
                    MissingFields = MandatoryErrorParser.Parse(error.ExceptionText, error.Messages),
                };
            case "UpdateAfterSubmitError":
                return new FrappeUpdateAfterSubmitException(message, status, excType, dt, dn);
            case "DocstatusTransitionError":
                return new FrappeDocstatusException(message, status, excType, dt, dn);
            case "DuplicateEntryError":
                return new FrappeDuplicateException(message, status, excType, dt, dn);
            case "DoesNotExistError":
                return new FrappeNotFoundException(message, status, excType, dt, dn);
            case "AuthenticationError" or "SessionExpired" or "InvalidAuthorizationHeader" or "InvalidAuthorizationPrefix" or "InvalidAuthorizationToken":
                return new FrappeAuthenticationException(message, status, excType, dt, dn);
            case "PermissionError":
                return new FrappePermissionException(message, status, excType, dt, dn);
            case "TooManyRequestsError" or "RateLimitExceededError":
                return new FrappeRateLimitedException(message, status, excType, dt, dn) { RetryAfter = retryAfter };
        }

        return status switch
        {
            401 => new FrappeAuthenticationException(message, status, excType, dt, dn),
            403 => new FrappePermissionException(message, status, excType, dt, dn),
            404 => new FrappeNotFoundException(message, status, excType, dt, dn),
            409 when excType is not "NameError" => new FrappeDuplicateException(message, status, excType, dt, dn),
            429 => new FrappeRateLimitedException(message, status, excType, dt, dn) { RetryAfter = retryAfter },
            417 when IsLifecycle(human) => new FrappeDocstatusException(message, status, excType, dt, dn),
            >= 500 => new FrappeServerException(message, status, excType, dt, dn),
            >= 400 => new FrappeValidationException(message, status, excType, dt, dn),
            _ => new FrappeServerException(message, status, excType, dt, dn),
        };
    }

    // V14 raises these as plain ValidationError; they are lifecycle refusals, not bad data.
    private static bool IsLifecycle(string human) =>
        human.Contains("Cannot edit cancelled document", StringComparison.Ordinal)
        || human.Contains("Submitted Record cannot be deleted", StringComparison.Ordinal)
        || human.Contains("Cannot change docstatus", StringComparison.Ordinal);

    private static string? FirstRaised(FrappeErrorBody error)
    {
        var raised = error.Messages.FirstOrDefault(m => m.Raised) ?? error.Messages.FirstOrDefault();
        return raised is null ? null : ServerMessages.StripHtml(raised.Text);
    }

    private static FrappeException NonJson(RequestContext request, int status, ReadOnlySpan<byte> body, TimeSpan? retryAfter, Func<string, string> scrub)
    {
        var snippet = Snippet(body, scrub);
        var what = body.IsEmpty ? "an empty body" : $"a body that is not Frappe's JSON (starts with \"{snippet}\")";
        var message = $"{request.Site.ToWire()} site answered {request.Describe()} with HTTP {status} {DefaultText(status)} and {what}";
        if (status == 429)
            return new FrappeRateLimitedException(message, status, null, request.DocType, request.DocName) { RetryAfter = retryAfter };
        if (status == 404)
            message += "; check that the site URL points at the Frappe site itself";
        return new FrappeServerException(message, status, null, request.DocType, request.DocName);
    }

    /// <summary>A bad-body message for a 2xx answer that could not be read.</summary>
    public static FrappeServerException Unreadable(RequestContext request, int status, ReadOnlySpan<byte> body, string problem, Func<string, string> scrub, Exception? inner = null)
    {
        var snippet = Snippet(body, scrub);
        return new FrappeServerException(
            $"{request.Site.ToWire()} site answered {request.Describe()} with HTTP {status} but {problem} (body starts with \"{snippet}\")",
            status, null, request.DocType, request.DocName, inner);
    }

    private static string Snippet(ReadOnlySpan<byte> body, Func<string, string> scrub)
    {
        if (body.IsEmpty)
            return string.Empty;
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, SnippetLength * 4)]);
        var cleaned = new StringBuilder(SnippetLength);
        foreach (var c in text)
        {
            if (cleaned.Length >= SnippetLength)
                break;
            cleaned.Append(char.IsControl(c) ? ' ' : c);
        }

        var result = scrub(cleaned.ToString().Trim());
        return text.Length > SnippetLength ? result + "…" : result;
    }

    private static string Compose(RequestContext request, int status, string? excType, string human) =>
        $"{request.Site.ToWire()} site refused {request.Describe()}: {human} (HTTP {status}{(excType is null ? string.Empty : " " + excType)})";

    private static string DefaultText(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized: the API key or secret was rejected",
        403 => "Forbidden: the API user lacks a permission",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        417 => "Expectation Failed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unexpected status",
    };
}
