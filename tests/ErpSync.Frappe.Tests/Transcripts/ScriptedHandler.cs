using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ErpSync.Frappe.Tests.Transcripts;

/// <summary>
/// A hand-written HTTP fake: answers each request from a script (a queue of responders, or one responder for
/// all) and records what the client sent, including the exact request target.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, HttpResponseMessage>> _queue = new();
    private Func<RecordedRequest, HttpResponseMessage>? _fallback;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ScriptedHandler Then(Func<RecordedRequest, HttpResponseMessage> responder)
    {
        _queue.Enqueue(responder);
        return this;
    }

    public ScriptedHandler Then(int status, string body, params (string Name, string Value)[] headers) => Then(_ => Response(status, body, headers));

    public ScriptedHandler Then(TranscriptExchange exchange) => Then(exchange.Status, exchange.ResponseText);

    public ScriptedHandler Always(Func<RecordedRequest, HttpResponseMessage> responder)
    {
        _fallback = responder;
        return this;
    }

    public ScriptedHandler ThenThrow(Exception exception) => Then(_ => throw exception);

    public static HttpResponseMessage Response(int status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8) };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(body.StartsWith('<') ? "text/html" : "application/json");
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            request.RequestUri,
            request.Headers.Authorization?.ToString(),
            request.Headers.Accept.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            body);
        Requests.Enqueue(recorded);
        var responder = _queue.TryDequeue(out var next) ? next : _fallback ?? throw new InvalidOperationException($"No scripted answer for {recorded.Method} {recorded.Target}");
        return responder(recorded);
    }
}

/// <summary>What the client sent.</summary>
internal sealed record RecordedRequest(string Method, string Target, Uri Uri, string? Authorization, string Accept, string? ContentType, string? Body)
{
    /// <summary>A decoded query parameter.</summary>
    public string? Query(string name) =>
        Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => Uri.UnescapeDataString(p[0]) == name)
            .Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))
            .FirstOrDefault();
}
