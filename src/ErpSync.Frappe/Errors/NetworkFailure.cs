using System.Net.Sockets;
using System.Security.Authentication;
using ErpSync.Core.Sites;

namespace ErpSync.Frappe.Errors;

/// <summary>A transport failure classified, with the exception the caller sees.</summary>
internal sealed record NetworkFailure(NetworkFailureKind Kind, FrappeUnavailableException Exception)
{
    /// <summary>Whether the request certainly never reached the site (so even an insert may be re-sent).</summary>
    public bool NotSent => Kind is NetworkFailureKind.Dns or NetworkFailureKind.Refused or NetworkFailureKind.ConnectTimeout or NetworkFailureKind.Tls;

    /// <summary>Whether trying again later can help.</summary>
    public bool Transient => Kind is not NetworkFailureKind.Tls;

    /// <summary>The error kind used in metrics (<c>dns</c>, <c>refused</c>, …).</summary>
    public string MetricKind => Kind.ToString().ToLowerInvariant();

    public static NetworkFailure Timeout(RequestContext request, Uri baseUrl, TimeSpan timeout, Exception inner) =>
        new(NetworkFailureKind.Timeout, new FrappeUnavailableException(
            $"{Prefix(request, baseUrl)} timed out after {timeout.TotalSeconds:0.###} s; the site may still have processed it",
            null, null, request.DocType, request.DocName, inner));

    public static NetworkFailure From(RequestContext request, Uri baseUrl, Exception exception)
    {
        var kind = Classify(exception);
        var reason = kind switch
        {
            NetworkFailureKind.Dns => $"could not resolve host name {baseUrl.Host}",
            NetworkFailureKind.Refused => $"connection refused by {baseUrl.Host}:{baseUrl.Port}",
            NetworkFailureKind.ConnectTimeout => $"no connection to {baseUrl.Host}:{baseUrl.Port} within the connect timeout",
            NetworkFailureKind.Tls => $"TLS handshake with {baseUrl.Host} failed ({Innermost(exception).Message})",
            _ => $"the connection broke before a complete answer arrived ({Innermost(exception).Message}); the site may still have processed it",
        };
        return new NetworkFailure(kind, new FrappeUnavailableException($"{Prefix(request, baseUrl)} failed: {reason}", null, null, request.DocType, request.DocName, exception));
    }

    private static string Prefix(RequestContext request, Uri baseUrl) =>
        $"{request.Site.ToWire()} site ({baseUrl.GetLeftPart(UriPartial.Authority)}): {request.Describe()}";

    private static NetworkFailureKind Classify(Exception exception)
    {
        if (exception is TaskCanceledException { InnerException: TimeoutException })
            return NetworkFailureKind.ConnectTimeout;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AuthenticationException)
                return NetworkFailureKind.Tls;
            if (current is SocketException socket)
            {
                switch (socket.SocketErrorCode)
                {
                    case SocketError.ConnectionRefused:
                        return NetworkFailureKind.Refused;
                    case SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain:
                        return NetworkFailureKind.Dns;
                    case SocketError.TimedOut when IsConnectPhase(exception):
                        return NetworkFailureKind.ConnectTimeout;
                    case SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.AddressNotAvailable when IsConnectPhase(exception):
                        return NetworkFailureKind.Refused;
                }
            }
        }

        if (exception is HttpRequestException http)
        {
            switch (http.HttpRequestError)
            {
                case HttpRequestError.NameResolutionError:
                    return NetworkFailureKind.Dns;
                case HttpRequestError.SecureConnectionError:
                    return NetworkFailureKind.Tls;
            }
        }

        return NetworkFailureKind.Broken;
    }

    // SocketsHttpHandler reports connect-phase failures as ConnectionError; a socket error after that is a
    // different category (ResponseEnded, Unknown with an IOException…).
    private static bool IsConnectPhase(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
            current = current.InnerException;
        return current;
    }
}
