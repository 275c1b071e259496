using System.Net;

namespace ErpSync.Frappe.Http;

/// <summary>The HTTP stack for one site: pooled keep-alive connections, no cookies, no redirects.</summary>
internal static class FrappeHttpHandler
{
    /// <summary>
    /// A handler with up to <see cref="FrappeSiteOptions.MaxConcurrency"/> pooled connections. Cookies are off
    /// because Frappe sets <c>sid=Guest</c> on every answer and a cookie session would override token auth;
    /// redirects are off because following one would turn a POST into a GET.
    /// </summary>
    public static SocketsHttpHandler Create(FrappeSiteOptions options) => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        MaxConnectionsPerServer = options.MaxConcurrency,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        ConnectTimeout = options.ConnectTimeout < options.RequestTimeout ? options.ConnectTimeout : options.RequestTimeout,
    };

    /// <summary>An <see cref="HttpClient"/> whose own timeout is off: the transport times each attempt itself.</summary>
    public static HttpClient Client(HttpMessageHandler handler, bool disposeHandler) =>
        new(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
}
