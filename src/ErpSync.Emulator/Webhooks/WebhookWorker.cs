using System.Net;
using System.Text;
using System.Threading.Channels;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Templates;
using Microsoft.Extensions.Logging;

namespace ErpSync.Emulator.Webhooks;

/// <summary>
/// The site's background worker for webhooks (Frappe's single RQ worker): runs queued jobs one at a time,
/// each reloading its Webhook, building the body, and trying up to three times with waits in between;
/// every attempt is written to the Webhook Request Log.
/// </summary>
internal sealed partial class WebhookWorker : IAsyncDisposable
{
    private readonly Channel<WebhookJob> _queue = Channel.CreateUnbounded<WebhookJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly SiteRuntime _site;
    private readonly EmulatorFaults _faults;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly WebhookDeliveryOptions _options;
    private Task? _loop;

    public WebhookWorker(SiteRuntime site, EmulatorFaults faults, ILogger logger)
    {
        _site = site;
        _faults = faults;
        _logger = logger;
        _options = site.Options.WebhookDelivery;
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AutomaticDecompression = DecompressionMethods.None, UseProxy = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public WebhookDeliveryLog Log { get; } = new();

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public void Enqueue(IEnumerable<WebhookJob> jobs)
    {
        foreach (var job in jobs)
        {
            Log.JobQueued();
            if (!_queue.Writer.TryWrite(job))
                Log.JobFinished();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopping mid-delivery is expected.
            }
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(stop))
        {
            try
            {
                await ProcessAsync(job, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogJobFailed(_logger, e, job.Webhook, job.Doc.DocType, job.Doc.Name);
            }
            finally
            {
                Log.JobFinished();
            }
        }
    }

    private async Task ProcessAsync(WebhookJob job, CancellationToken stop)
    {
        var time = _options.TimeProvider;
        if (_faults.DropWebhookHit())
        {
            Log.Add(Record(job, string.Empty, 0, null, null, [], null, dropped: true));
            return;
        }

        if (_options.JobStartDelay > TimeSpan.Zero)
            await Task.Delay(_options.JobStartDelay, time, stop);
        var (webhook, secret) = _site.Read(ctx => (ctx.Tx.Get("Webhook", job.Webhook), ctx.Site.Db.GetPassword("Webhook", job.Webhook, "webhook_secret")));
        if (webhook is null)
        {
            Log.Add(Record(job, string.Empty, 0, null, null, [], $"frappe.exceptions.DoesNotExistError: Webhook {job.Webhook} not found", dropped: false));
            return;
        }

        var url = webhook.GetString("request_url") ?? string.Empty;
        var doc = DocSerializer.ToDict(job.Doc, _site.MetaLookup, includeNulls: true);
        OrderedDictionary<string, object?> data;
        try
        {
            data = WebhookPayload.Data(webhook, doc, _site.Clock);
        }
        catch (Exception e) when (e is TemplateException or PyJsonException)
        {
            var error = Traceback(e is PyJsonException ? $"json.decoder.JSONDecodeError: {e.Message}" : $"jinja2.exceptions.{e.Message}");
            WriteRequestLog(job, url, null, null, null, error);
            Log.Add(Record(job, url, 0, null, null, [], error, dropped: false));
            return;
        }

        var body = PyJson.Serialize(data);
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = WebhookPayload.Headers(webhook, secret, bytes);
        var method = new HttpMethod(webhook.GetString("request_method") is { Length: > 0 } m ? m : "POST");
        var timeout = _options.AttemptTimeout ?? TimeSpan.FromSeconds(Math.Max(1, PyConvert.Cint(webhook["timeout"]) is var t && t > 0 ? t : 5));
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            var (status, text, error, timedOut) = await SendAsync(method, url, bytes, headers, timeout, stop);
            var ok = status is >= 200 and < 300;
            WriteRequestLog(job, url, headers, data, ok ? text : status is { } s ? $"<Response [{s}]>" : null, ok ? string.Empty : error);
            Log.Add(Record(job, url, attempt, status, body, headers, ok ? null : error, dropped: false));
            if (ok)
                return;
            if (!timedOut)
                await Task.Delay(_options.WaitAfter(attempt - 1), time, stop);
        }
    }

    private async Task<(int? Status, string? Text, string Error, bool TimedOut)> SendAsync(
        HttpMethod method, string url, byte[] body, List<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        // Header order as python-requests sends them; no Content-Type unless the Webhook configures one.
        request.Headers.TryAddWithoutValidation("User-Agent", "python-requests/2.28.1");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate");
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        request.Headers.TryAddWithoutValidation("Connection", "keep-alive");
        foreach (var (key, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(key, value))
                request.Content.Headers.TryAddWithoutValidation(key, value);
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop);
        attempt.CancelAfter(timeout);
        try
        {
            using var response = await _http.SendAsync(request, attempt.Token);
            var text = await response.Content.ReadAsStringAsync(attempt.Token);
            var code = (int)response.StatusCode;
            var kind = code < 500 ? "Client" : "Server";
            var error = Traceback($"requests.exceptions.HTTPError: {code} {kind} Error: {response.ReasonPhrase} for url: {url}");
            return (code, text, error, false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            var error = Traceback($"requests.exceptions.ReadTimeout: HTTPConnectionPool: Read timed out. (read timeout={timeout.TotalSeconds:0.##})");
            return (null, null, error, true);
        }
        catch (HttpRequestException e)
        {
            return (null, null, Traceback($"requests.exceptions.ConnectionError: {e.Message}"), false);
        }
    }

    private void WriteRequestLog(WebhookJob job, string url, List<KeyValuePair<string, string>>? headers, OrderedDictionary<string, object?>? data, string? response, string error)
    {
        var headersForLog = headers is null ? null : WebhookPayload.ForLog(headers);
        _site.Write(job.User, ctx => SystemRecords.Insert(ctx, "Webhook Request Log", new Dictionary<string, object?>
        {
            ["webhook"] = job.Webhook,
            ["reference_document"] = job.Doc.Name,
            ["user"] = job.User,
            ["url"] = url,
            ["headers"] = headersForLog is null ? null : PyJson.Serialize(headersForLog, PyJsonStyle.Pretty),
            ["data"] = data is { Count: > 0 } ? PyJson.Serialize(data, PyJsonStyle.Pretty) : null,
            ["response"] = response,
            ["error"] = error,
        }));
    }

    private WebhookDelivery Record(WebhookJob job, string url, int attempt, int? status, string? body,
        List<KeyValuePair<string, string>> headers, string? error, bool dropped) =>
        new(job.Webhook, job.Doc.DocType, job.Doc.Name, job.Event, url, attempt, status, body, headers, error, dropped, _options.TimeProvider.GetUtcNow());

    private static string Traceback(string last) =>
        "Traceback (most recent call last):\n  File \"apps/frappe/frappe/integrations/doctype/webhook/webhook.py\", in enqueue_webhook\n" + last + "\n";

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook job {Webhook} for {DocType} {DocName} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string webhook, string docType, string docName);
}
