using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Methods;
using ErpSync.Emulator.Python;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ErpSync.Emulator.Http;

/// <summary>
/// The site's one request handler, in Frappe v14's order: injected faults, argument parsing, authentication,
/// then <c>/api/resource</c> or <c>/api/method</c>. Paths are split on the decoded path at most four ways, so a
/// name may hold <c>/</c> (raw or <c>%2F</c>) and <c>+</c> stays a plus.
/// </summary>
internal sealed partial class ApiDispatcher(SiteRuntime site, MethodRegistry methods, EmulatorFaults faults, AdminApi admin, ILogger logger)
{
    private static readonly string[] Cookies =
    [
        "sid=Guest; Path=/; HttpOnly; SameSite=Lax", "system_user=no; Path=/; SameSite=Lax",
        "full_name=Guest; Path=/; SameSite=Lax", "user_id=Guest; Path=/; SameSite=Lax", "user_image=; Path=/; SameSite=Lax",
    ];

    public async Task HandleAsync(HttpContext http)
    {
        var path = DecodedPath(http);
        if (path.StartsWith("/api/emulator/", StringComparison.Ordinal))
        {
            await WriteAsync(http, await admin.HandleAsync(http, path, http.RequestAborted));
            return;
        }

        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await WriteAsync(http, new ApiResult(404, null, "<h1>Not Found</h1>", "text/html; charset=utf-8"));
            return;
        }

        if (faults.ShouldAbort())
        {
            http.Abort();
            return;
        }

        var latency = faults.Latency;
        if (latency > TimeSpan.Zero)
            await Task.Delay(latency, http.RequestAborted);
        if (faults.RateLimitHit() is { } retryAfter)
        {
            await WriteAsync(http, TooManyRequests(retryAfter));
            return;
        }

        var injected = faults.ErrorHit();
        var afterProcessing = faults.ErrorsAfterProcessing;
        if (injected is { } before && !afterProcessing)
        {
            await WriteAsync(http, InjectedError(before));
            return;
        }

        ApiResult result;
        try
        {
            result = await RouteAsync(http, path);
        }
        catch (FrappeError error)
        {
            result = ApiResult.FromError(error);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception unexpected)
        {
            LogUnexpected(logger, unexpected, http.Request.Method, path);
            result = ApiResult.FromError(Fail.Server($"{unexpected.GetType().Name}: {unexpected.Message}"));
        }

        if (injected is { } after && afterProcessing)
            result = InjectedError(after);
        await WriteAsync(http, result);
    }

    private async Task<ApiResult> RouteAsync(HttpContext http, string path)
    {
        var args = await RequestArgs.ReadAsync(http.Request, http.RequestAborted);
        var user = Authenticator.Authenticate(http.Request.Headers.Authorization.ToString(), site.Options);
        var parts = path[1..].Split('/', 4);
        var call = parts.Length > 1 ? parts[1] : string.Empty;
        var target = parts.Length > 2 ? parts[2] : string.Empty;
        var name = parts.Length > 3 ? parts[3] : null;
        return call switch
        {
            "resource" when target.Length > 0 => ResourceApi.Handle(site, http.Request.Method, target, name, args, user),
            "method" when target.Length > 0 => methods.Invoke(new MethodCall(site, user, args.Form, http.Request.Method, target)),
            _ => throw Fail.NotFoundEmpty(),
        };
    }

    private static string DecodedPath(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
            raw = raw[..query];
        return Uri.UnescapeDataString(raw);
    }

    public static async Task WriteAsync(HttpContext http, ApiResult result)
    {
        var response = http.Response;
        response.StatusCode = result.Status;
        response.Headers.Server = "gunicorn";
        foreach (var cookie in Cookies)
            response.Headers.Append("Set-Cookie", cookie);
        foreach (var (key, value) in result.Headers)
            response.Headers.Append(key, value);
        byte[] bytes;
        if (result.Body is not null)
        {
            bytes = PyJson.SerializeToUtf8(result.Body);
            response.ContentType = "application/json";
        }
        else
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(result.Text ?? string.Empty);
            response.ContentType = result.ContentType;
        }

        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    /// <summary>What Frappe's rate limiter answers: plain text and the X-RateLimit headers.</summary>
    private static ApiResult TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ApiResult(429, null, "Too Many Requests", "text/html; charset=utf-8")
        {
            Headers =
            [
                new("Retry-After", seconds), new("X-RateLimit-Reset", seconds), new("X-RateLimit-Limit", "1"), new("X-RateLimit-Remaining", "0"),
            ],
        };
    }

    /// <summary>A 500 as Frappe's database reports a deadlock; other statuses as the proxy in front would answer.</summary>
    private static ApiResult InjectedError(int status)
    {
        if (status == 500)
            return ApiResult.FromError(Fail.Server("frappe.exceptions.QueryDeadlockError: (1213, 'Deadlock found when trying to get lock; try restarting transaction')"));
        var reason = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        return new ApiResult(status, null,
            $"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            "text/html");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Emulator failed handling {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
