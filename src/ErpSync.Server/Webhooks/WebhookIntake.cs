using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Server.Metrics;
using ErpSync.Server.Queue;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Webhooks;

/// <summary>
/// Accepts one webhook: checks the intake is open, reads the body within the size limit, verifies the signature
/// over the raw bytes, parses the document out of it, and answers 200 only once the event is durably queued
/// (then wakes the workers). Unknown DocTypes are accepted and skipped. Answers: 401 bad or missing signature,
/// 400 unreadable body, 413 too large, 422 no DocType or name, 503 shutting down or database unavailable.
/// Neither the secret nor the presented signature is ever logged.
/// </summary>
internal sealed partial class WebhookIntake
{
    private readonly ServerOptions _options;
    private readonly IWorkQueue _queue;
    private readonly WorkSignal _signal;
    private readonly IntakeGate _gate;
    private readonly ServerMetrics _metrics;
    private readonly ILogger<WebhookIntake> _logger;
    private readonly WebhookSignature? _signature;
    private readonly Dictionary<string, string> _docTypes;

    public WebhookIntake(ServerOptions options, IWorkQueue queue, WorkSignal signal, IntakeGate gate, ServerMetrics metrics, ILogger<WebhookIntake> logger)
    {
        _options = options;
        _queue = queue;
        _signal = signal;
        _gate = gate;
        _metrics = metrics;
        _logger = logger;
        _signature = options.WebhookSecret is { Length: > 0 } secret ? new WebhookSignature(secret) : null;
        _docTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var docType in options.DocTypes)
            _docTypes.TryAdd(docType.Trim(), docType.Trim());
    }

    public async Task<JsonHttpResult<WebhookReply>> AcceptAsync(SiteName source, HttpRequest request, CancellationToken cancellationToken)
    {
        var site = source.ToWire();
        var remote = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!_gate.IsOpen)
            return Reply(source, "unavailable", StatusCodes.Status503ServiceUnavailable, "error", "the server is shutting down; Frappe will retry the delivery", retryAfter: request);

        byte[]? body;
        try
        {
            body = await WebhookBodyReader.ReadAsync(request, _options.MaxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            LogRejected(_logger, site, remote, "body larger than server.max_body_bytes");
            return Reply(source, "too_large", StatusCodes.Status413PayloadTooLarge, "error",
                $"the body is larger than {_options.MaxBodyBytes} bytes (server.max_body_bytes); send only doctype, name and event (see `erpsync setup-webhook`)");
        }

        if (_signature is not null)
        {
            var header = request.Headers[WebhookSignature.HeaderName].ToString();
            if (header.Length == 0)
            {
                LogRejected(_logger, site, remote, "no X-Frappe-Webhook-Signature header");
                return Reply(source, "unauthorized", StatusCodes.Status401Unauthorized, "error",
                    "missing X-Frappe-Webhook-Signature: enable security on the Webhook and set its secret to WEBHOOK_SECRET");
            }

            if (!_signature.Verify(body, header))
            {
                LogRejected(_logger, site, remote, "signature does not match WEBHOOK_SECRET");
                return Reply(source, "unauthorized", StatusCodes.Status401Unauthorized, "error",
                    "invalid X-Frappe-Webhook-Signature: the Webhook's secret differs from WEBHOOK_SECRET");
            }
        }

        var parsed = WebhookBodyParser.Parse(body, request.ContentType, request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase));
        if (parsed.Event is not { } webhookEvent)
        {
            var malformed = parsed.Error == WebhookParseError.Malformed;
            LogRejected(_logger, site, remote, parsed.Message);
            return Reply(source, malformed ? "malformed" : "missing_fields",
                malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity, "error", parsed.Message);
        }

        if (!_docTypes.TryGetValue(webhookEvent.DocType, out var docType))
        {
            LogUnknownDocType(_logger, webhookEvent.DocType, webhookEvent.DocName, site);
            return Reply(source, "skipped", StatusCodes.Status200OK, "skipped",
                $"{webhookEvent.DocType} is not in sync_rules.doctypes; event ignored", doctype: webhookEvent.DocType, name: webhookEvent.DocName);
        }

        long id;
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(body);
            id = await _queue.EnqueueAsync(new NewQueueItem(source, docType, webhookEvent.DocName, webhookEvent.Action, text), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogEnqueueFailed(_logger, e, docType, webhookEvent.DocName, site);
            return Reply(source, "unavailable", StatusCodes.Status503ServiceUnavailable, "error",
                "the event could not be stored (state database unavailable); Frappe will retry the delivery", retryAfter: request);
        }

        _signal.Set();
        LogQueued(_logger, webhookEvent.Action, docType, webhookEvent.DocName, site, id, webhookEvent.ModifiedBy ?? "?");
        return Reply(source, "accepted", StatusCodes.Status200OK, "success", "Webhook queued for processing", id, docType, webhookEvent.DocName);
    }

    private JsonHttpResult<WebhookReply> Reply(SiteName source, string result, int status, string outcome, string message,
        long? id = null, string? doctype = null, string? name = null, HttpRequest? retryAfter = null)
    {
        _metrics.WebhookReceived(source.ToWire(), result);
        if (retryAfter is not null)
            retryAfter.HttpContext.Response.Headers.RetryAfter = "5";
        return TypedResults.Json(new WebhookReply(outcome, message, id, doctype, name), statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Action} for {DocType} {DocName} from {Site} queued as item {QueueId} (modified by {ModifiedBy})")]
    private static partial void LogQueued(ILogger logger, string action, string docType, string docName, string site, long queueId, string modifiedBy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook from {Site} ({RemoteAddress}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string site, string remoteAddress, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped a webhook for {DocType} {DocName} from {Site}: the DocType is not in sync_rules.doctypes")]
    private static partial void LogUnknownDocType(ILogger logger, string docType, string docName, string site);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the webhook for {DocType} {DocName} from {Site}; answered 503 so Frappe retries")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string docType, string docName, string site);
}
