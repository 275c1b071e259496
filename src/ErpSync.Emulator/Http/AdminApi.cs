using System.Globalization;
using System.Text;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Python;
using Microsoft.AspNetCore.Http;

namespace ErpSync.Emulator.Http;

/// <summary>
/// <c>/api/emulator/faults</c>: GET reads the fault switches and counters, PUT changes the keys it names,
/// DELETE switches everything off. Authenticated with the site's API token; not subject to the faults.
/// </summary>
internal sealed class AdminApi(EmulatorOptions options, EmulatorFaults faults)
{
    public async Task<ApiResult> HandleAsync(HttpContext http, string path, CancellationToken cancellationToken)
    {
        try
        {
            if (Authenticator.Authenticate(http.Request.Headers.Authorization.ToString(), options) is null)
                return Problem(401, "Send Authorization: token <api_key>:<api_secret>.");
        }
        catch (FrappeError)
        {
            return Problem(401, "Invalid API key or secret.");
        }

        if (path.TrimEnd('/') != "/api/emulator/faults")
            return Problem(404, "Unknown emulator endpoint; use /api/emulator/faults.");
        switch (http.Request.Method)
        {
            case "GET":
                return new ApiResult(200, Snapshot());
            case "DELETE":
                faults.Reset();
                return new ApiResult(200, Snapshot());
            case "PUT" or "POST":
                string body;
                using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
                    body = await reader.ReadToEndAsync(cancellationToken);
                try
                {
                    Apply(PyJsonParser.Parse(body) as OrderedDictionary<string, object?>
                          ?? throw new ArgumentException("Send a JSON object such as {\"error_rate\": 0.5}."));
                }
                catch (Exception e) when (e is ArgumentException or PyJsonException)
                {
                    return Problem(400, e.Message);
                }

                return new ApiResult(200, Snapshot());
            default:
                return Problem(405, "Use GET, PUT or DELETE.");
        }
    }

    private void Apply(OrderedDictionary<string, object?> changes)
    {
        foreach (var (key, value) in changes)
        {
            switch (key)
            {
                case "latency_ms":
                    faults.Latency = TimeSpan.FromMilliseconds(PyConvert.Flt(value));
                    break;
                case "error_rate":
                    faults.ErrorRate = PyConvert.Flt(value);
                    break;
                case "error_statuses":
                    faults.ErrorStatuses = (value as List<object?> ?? throw new ArgumentException("error_statuses must be a list of statuses."))
                        .Select(v => (int)PyConvert.Cint(v)).ToArray();
                    break;
                case "errors_after_processing":
                    faults.ErrorsAfterProcessing = PyConvert.Truthy(value);
                    break;
                case "rate_limit":
                    faults.RateLimit = value switch
                    {
                        null => null,
                        OrderedDictionary<string, object?> d => new RateLimitFault(
                            d.GetValueOrDefault("rate") is { } r ? PyConvert.Flt(r) : 1,
                            TimeSpan.FromSeconds(d.GetValueOrDefault("retry_after_s") is { } s ? PyConvert.Flt(s) : 1)),
                        _ => throw new ArgumentException("rate_limit must be null or {\"rate\": 0..1, \"retry_after_s\": seconds}."),
                    };
                    break;
                case "drop_webhooks":
                    faults.DropWebhooks = PyConvert.Flt(value);
                    break;
                case "down":
                    faults.Down = PyConvert.Truthy(value);
                    break;
                default:
                    throw new ArgumentException($"Unknown fault '{key}'; known: latency_ms, error_rate, error_statuses, errors_after_processing, rate_limit, drop_webhooks, down.");
            }
        }
    }

    private OrderedDictionary<string, object?> Snapshot()
    {
        var rateLimit = faults.RateLimit;
        return new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["latency_ms"] = faults.Latency.TotalMilliseconds,
            ["error_rate"] = faults.ErrorRate,
            ["error_statuses"] = faults.ErrorStatuses.Select(s => (object?)(long)s).ToList(),
            ["errors_after_processing"] = faults.ErrorsAfterProcessing,
            ["rate_limit"] = rateLimit is null ? null : new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["rate"] = rateLimit.Rate,
                ["retry_after_s"] = rateLimit.RetryAfter.TotalSeconds,
            },
            ["drop_webhooks"] = faults.DropWebhooks,
            ["down"] = faults.Down,
            ["injected_errors"] = faults.InjectedErrors,
            ["rate_limited"] = faults.RateLimited,
            ["dropped_webhooks"] = faults.DroppedWebhooks,
            ["aborted_requests"] = faults.AbortedRequests,
        };
    }

    private static ApiResult Problem(int status, string message) =>
        new(status, new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["error"] = message.ToString(CultureInfo.InvariantCulture) });
}
