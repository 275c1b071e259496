using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Diagnostics;
using ErpSync.Frappe.Errors;
using ErpSync.Frappe.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace ErpSync.Frappe.Http;

/// <summary>
/// Sends API calls to one site: token auth, bounded concurrency, per-attempt timeout, retry and circuit
/// breaker, typed errors, metrics. Reads each answer completely (one page at most) before releasing its slot.
/// </summary>
internal sealed class FrappeTransport : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly FrappeSiteOptions _options;
    private readonly TimeProvider _time;
    private readonly FrappeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly FrappePipeline _pipeline;
    private readonly SemaphoreSlim _slots;
    private readonly Uri _baseUrl;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _site;

    public FrappeTransport(HttpClient http, bool ownsHttp, FrappeSiteOptions options, TimeProvider time, FrappeMetrics metrics, ILogger logger)
    {
        _http = http;
        _ownsHttp = ownsHttp;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _baseUrl = options.NormalizedBaseUrl;
        _site = options.Site.ToWire();
        _authorization = new AuthenticationHeaderValue("token", options.ApiKey + ":" + options.ApiSecret);
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _pipeline = new FrappePipeline(options, time, metrics, logger);
    }

    public SiteCircuitState CircuitState => _pipeline.State;

    public Uri BaseUrl => _baseUrl;

    /// <summary>Requests waiting for or holding a concurrency slot right now (for tests and health).</summary>
    public int InFlight => _options.MaxConcurrency - _slots.CurrentCount;

    /// <summary>Replaces the key and secret in any text that came from the outside with <c>***</c>.</summary>
    public string Scrub(string text) =>
        text.Replace(_options.ApiSecret, "***", StringComparison.Ordinal).Replace(_options.ApiKey + ":", "***:", StringComparison.Ordinal);

    /// <summary>Sends <paramref name="request"/>; a 2xx answer comes back, anything else is thrown as a <see cref="FrappeException"/>.</summary>
    public async Task<FrappeResponse> SendAsync(FrappeRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(FrappePipeline.RequestKey, request.Context);
        try
        {
            return await _pipeline.Pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<FrappeResponse>(state.self.AttemptAsync(state.request, ctx.CancellationToken)),
                context,
                (self: this, request)).ConfigureAwait(false);
        }
        catch (AttemptException failure)
        {
            throw failure.Failure;
        }
        catch (BrokenCircuitException broken)
        {
            _metrics.Error("circuit_open");
            var retryIn = broken.RetryAfter is { } after ? $"; next probe in about {after.TotalSeconds:0.#} s" : string.Empty;
            throw new FrappeUnavailableException(
                $"circuit open for the {_site} site ({_baseUrl.GetLeftPart(UriPartial.Authority)}): it failed repeatedly, {request.Context.Describe()} not sent{retryIn}",
                null, null, request.Context.DocType, request.Context.DocName, broken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<FrappeResponse> AttemptAsync(FrappeRequest request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        int? status = null;
        try
        {
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            byte[] body;
            TimeSpan? retryAfter;
            Uri? location;
            try
            {
                using var message = BuildMessage(request);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                retryAfter = RetryAfterOf(response);
                location = response.Headers.Location;
                body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException oce) when (timeout.IsCancellationRequested)
            {
                throw Network(request, NetworkFailure.Timeout(request.Context, _baseUrl, _options.RequestTimeout, oce));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                throw Network(request, NetworkFailure.From(request.Context, _baseUrl, ex));
            }

            FrappeLog.RequestCompleted(_logger, _site, request.Method.Method, request.Context.Operation, request.Context.DocType, request.Context.DocName,
                status.Value, _time.GetElapsedTime(started).TotalMilliseconds);
            if (status is >= 200 and < 300)
                return new FrappeResponse(status.Value, ParseSuccess(request, status.Value, body));
            if (status is >= 300 and < 400)
                throw Redirected(request, status.Value, location);
            throw HttpFailure(request, status.Value, body, retryAfter);
        }
        finally
        {
            _metrics.Request(request.Method.Method, status, _time.GetElapsedTime(started));
            _slots.Release();
        }
    }

    private HttpRequestMessage BuildMessage(FrappeRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_baseUrl, request.Path));
        message.Headers.Authorization = _authorization;
        message.Headers.Accept.Add(AcceptJson);
        if (request.Body is not null)
            message.Content = BodyContent(request.Body);
        return message;
    }

    // Frappe reads a form field or JSON key named "data" as the whole document (get_request_form_data), so a
    // document with its own "data" field is sent the way frappe-client does: form-encoded data=<json>.
    private static HttpContent BodyContent(JsonObject body)
    {
        var json = body.ToJsonString(Json.FrappeJson.Write);
        if (body.ContainsKey("data"))
            return new FormUrlEncodedContent([new KeyValuePair<string, string>("data", json)]);
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private JsonNode? ParseSuccess(FrappeRequest request, int status, byte[] body)
    {
        if (body.Length == 0)
            return null;
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            _metrics.Error("bad_body");
            throw new AttemptException(FrappeErrorMapper.Unreadable(request.Context, status, body, "the body is not JSON", Scrub, ex), false, false, "bad_body");
        }
    }

    private AttemptException Network(FrappeRequest request, NetworkFailure failure)
    {
        _metrics.Error(failure.MetricKind);
        var retryable = failure.Transient && (request.Idempotent || failure.NotSent);
        if (failure.Transient && !retryable)
            FrappeLog.NotResent(_logger, _site, request.Method.Method, request.Context.Operation, request.Context.DocType, request.Context.DocName, failure.Exception.Message);
        return new AttemptException(failure.Exception, retryable, siteDown: true, failure.MetricKind);
    }

    // Redirects are not followed (a POST would become a GET); the usual cause is an http:// URL for an https:// site.
    private AttemptException Redirected(FrappeRequest request, int status, Uri? location)
    {
        _metrics.Error("redirect");
        var target = location is null ? "elsewhere" : Scrub(new Uri(_baseUrl, location).GetLeftPart(UriPartial.Path));
        var failure = new FrappeServerException(
            $"{_site} site answered {request.Context.Describe()} with HTTP {status}, a redirect to {target}; set the site URL to the address the site redirects to",
            status, null, request.Context.DocType, request.Context.DocName);
        return new AttemptException(failure, retryable: false, siteDown: false, "redirect");
    }

    private AttemptException HttpFailure(FrappeRequest request, int status, byte[] body, TimeSpan? retryAfter)
    {
        var failure = FrappeErrorMapper.Map(request.Context, status, body, retryAfter, Scrub);
        var kind = KindOf(failure);
        _metrics.Error(kind);
        var retryable = failure switch
        {
            // A 429 or 503 was refused before processing, so even an insert can be re-sent.
            FrappeRateLimitedException limited => limited.RetryAfter is not { } after || after <= _options.MaxRetryAfter,
            FrappeServerException { StatusCode: 503 } => true,
            FrappeServerException { StatusCode: 502 or 504 } => request.Idempotent,
            _ => false,
        };
        var siteDown = failure is FrappeServerException { StatusCode: 502 or 503 or 504 };
        return new AttemptException(failure, retryable, siteDown, kind);
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    internal static string KindOf(FrappeException failure) => failure switch
    {
        FrappeTimestampMismatchException => "timestamp_mismatch",
        FrappeLinkValidationException => "link_validation",
        FrappeMandatoryException => "mandatory",
        FrappeUpdateAfterSubmitException => "update_after_submit",
        FrappeDocstatusException => "docstatus",
        FrappeValidationException => "validation",
        FrappeDuplicateException => "duplicate",
        FrappeNotFoundException => "not_found",
        FrappeAuthenticationException => "authentication",
        FrappePermissionException => "permission",
        FrappeRateLimitedException => "rate_limited",
        FrappeServerException => "server",
        FrappeUnavailableException => "unavailable",
        _ => "other",
    };

    public void Dispose()
    {
        _slots.Dispose();
        if (_ownsHttp)
            _http.Dispose();
    }
}
