using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Emulator.Python;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Time;

namespace ErpSync.Emulator.Tests.Conformance;

/// <summary>
/// Replays the recorded Frappe v14 transcripts, in order and on one site, against the emulator: sends each
/// recorded request (credentials, receiver URL, timestamps and random names mapped to this run) and compares
/// status, content type and body; for webhook transcripts also what the receiver got.
/// </summary>
internal sealed class TranscriptReplayer : IAsyncDisposable
{
    private const string RecordedReceiver = "http://127.0.0.1:8765";
    private readonly HttpClient _http;
    private readonly Bindings _bindings = new();
    private long _tick;

    private TranscriptReplayer(EmulatedSite site, FakeTimeProvider clock, WebhookRecorder recorder)
    {
        Site = site;
        Clock = clock;
        Recorder = recorder;
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = site.BaseUrl };
        _bindings.Add(RecordedReceiver, recorder.BaseUrl.ToString().TrimEnd('/'));
    }

    public EmulatedSite Site { get; }

    public FakeTimeProvider Clock { get; }

    public WebhookRecorder Recorder { get; }

    public static async Task<TranscriptReplayer> StartAsync(CancellationToken ct)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 22, 50, 0, TimeSpan.Zero));
        var recorder = WebhookRecorder.Start();
        var site = await EmulatedSite.StartAsync(new EmulatorOptions { TimeProvider = clock, SeedErpNext = false, TimeZone = "Asia/Kolkata" }, ct);
        return new TranscriptReplayer(site, clock, recorder);
    }

    public static string TranscriptPath(string file) => Path.Combine(AppContext.BaseDirectory, "Transcripts", file);

    /// <summary>Replays one transcript file; returns the mismatches found (empty when it conforms).</summary>
    public async Task<List<string>> ReplayAsync(string file, Func<string, int, string, bool> tolerated, CancellationToken ct)
    {
        var transcript = JsonNode.Parse(await File.ReadAllTextAsync(TranscriptPath(file), ct))!.AsObject();
        var errors = new List<string>();
        var receivedBefore = Recorder.Requests.Count;
        var exchanges = transcript["exchanges"]!.AsArray();
        for (var i = 0; i < exchanges.Count; i++)
        {
            var exchange = exchanges[i]!.AsObject();
            var label = $"#{i}{(exchange["label"] is { } l ? " " + l.GetValue<string>() : string.Empty)}";
            var request = exchange["request"]!.AsObject();
            var expected = exchange["response"]!.AsObject();
            AdvanceClock(expected["headers"]?["Date"]?.GetValue<string>());
            var (status, contentType, body) = await SendAsync(file, i, request, ct);
            var prefix = $"{file} {label}";
            if (status != expected["status"]!.GetValue<int>() && !tolerated(file, i, "status"))
                errors.Add($"{prefix} status: expected {expected["status"]} but was {status}; body {Trim(body)}");
            if (expected["headers"]?["Content-Type"]?.GetValue<string>() is { } wantType && wantType != contentType)
                errors.Add($"{prefix} Content-Type: expected {wantType} but was {contentType}");
            JsonNode? actualJson = null;
            try
            {
                actualJson = body.Length > 0 ? JsonNode.Parse(body) : null;
            }
            catch (JsonException)
            {
                errors.Add($"{prefix} body is not JSON: {Trim(body)}");
            }

            var unordered = request["method"]!.GetValue<string>() == "GET" && IsList(request);
            var matcher = new JsonMatcher(_bindings, errors, path => tolerated(file, i, path));
            var before = errors.Count;
            matcher.Match(expected["body"], actualJson, "body", unordered);
            for (var e = before; e < errors.Count; e++)
                errors[e] = $"{prefix} {errors[e]}";
            await Site.Backdoor.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(20), ct);
        }

        if (transcript["received"] is JsonArray received)
            errors.AddRange(await CompareReceivedAsync(file, received, receivedBefore, ct));
        return errors;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Site.DisposeAsync();
        await Recorder.DisposeAsync();
    }

    /// <summary>A REST call outside the recordings (documents the recorded site had before a transcript).</summary>
    public async Task<JsonObject> SetupAsync(string method, string path, string body, CancellationToken ct)
    {
        AdvanceClock(null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.TryAddWithoutValidation("Authorization", Site.AuthorizationHeader());
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Setup {method} {path} failed with {(int)response.StatusCode}: {text}");
        await Site.Backdoor.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(20), ct);
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<(int Status, string ContentType, string Body)> SendAsync(string file, int index, JsonObject recorded, CancellationToken ct)
    {
        var query = recorded["query"] is JsonObject q && q.Count > 0
            ? "?" + string.Join("&", q.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(_bindings.Apply(p.Value!.GetValue<string>()))}"))
            : string.Empty;
        using var request = new HttpRequestMessage(new HttpMethod(recorded["method"]!.GetValue<string>()), _bindings.Apply(recorded["path"]!.GetValue<string>()).TrimStart('/') + query);
        var headers = recorded["headers"]?.AsObject() ?? [];
        if (headers["Authorization"]?.GetValue<string>() is { } auth)
            request.Headers.TryAddWithoutValidation("Authorization", MapAuthorization(file, index, auth));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (recorded["body"] is { } body)
        {
            var text = body is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : PyJson.Serialize(PyJsonParser.Parse(body.ToJsonString()));
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(_bindings.Apply(text)));
            if (headers["Content-Type"]?.GetValue<string>() is { } contentType)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _http.SendAsync(request, ct);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? string.Empty, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>The recordings redact secrets; this maps each recorded header to one that means the same here.</summary>
    private string MapAuthorization(string file, int index, string recorded)
    {
        if (file.StartsWith("26-", StringComparison.Ordinal) && index == 0)
            return $"token {Site.ApiKey}:wrong-secret";
        if (recorded.StartsWith("token nosuchkey", StringComparison.Ordinal))
            return "token nosuchkey00000:some-secret";
        if (recorded == "token <redacted>")
            return "token KEYONLY";
        if (recorded.StartsWith("Basic", StringComparison.Ordinal))
            return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Site.ApiKey}:{Site.ApiSecret}"));
        return Site.AuthorizationHeader();
    }

    private async Task<List<string>> CompareReceivedAsync(string file, JsonArray received, int before, CancellationToken ct)
    {
        var errors = new List<string>();
        var all = await Recorder.WaitForRequestsAsync(before + received.Count, TimeSpan.FromSeconds(20), ct: ct);
        await Site.Backdoor.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(20), ct);
        var got = Recorder.Requests.Skip(before).ToList();
        if (got.Count != received.Count)
            errors.Add($"{file} received: expected {received.Count} deliveries but got {got.Count} ({all.Count} in total)");
        for (var i = 0; i < Math.Min(got.Count, received.Count); i++)
        {
            var want = received[i]!.AsObject();
            var actual = got[i];
            var prefix = $"{file} received[{i}]";
            if (want["method"]!.GetValue<string>() != actual.Method || want["path"]!.GetValue<string>() != actual.Path)
                errors.Add($"{prefix}: expected {want["method"]} {want["path"]} but got {actual.Method} {actual.Path}");
            var wantBody = _bindings.Apply(want["body_raw"]!.GetValue<string>());
            if (wantBody != actual.BodyText && _bindings.MatchText(want["body_raw"]!.GetValue<string>(), actual.BodyText) is { } mismatch)
                errors.Add($"{prefix} body: {mismatch}");
            var order = want["header_order"]!.AsArray().Select(h => h!.GetValue<string>()).ToList();
            foreach (var name in new[] { "Content-Type", "X-Frappe-Webhook-Signature", "X-Sync-Source" })
            {
                if (order.Contains(name) != (actual.Header(name) is not null))
                    errors.Add($"{prefix}: header {name} expected {(order.Contains(name) ? "present" : "absent")}");
            }

            var sent = actual.Headers.Select(h => h.Key).Where(k => order.Contains(k, StringComparer.OrdinalIgnoreCase) && k is not ("Host" or "Content-Type" or "Content-Length")).ToList();
            var expectedOrder = order.Where(k => k is not ("Host" or "Content-Type" or "Content-Length")).ToList();
            if (!sent.SequenceEqual(expectedOrder, StringComparer.OrdinalIgnoreCase))
                errors.Add($"{prefix}: header order expected [{string.Join(", ", expectedOrder)}] but was [{string.Join(", ", actual.Headers.Select(h => h.Key))}]");
            foreach (var name in new[] { "User-Agent", "Accept-Encoding", "Accept", "Connection" })
            {
                if (want["headers"]![name]!.GetValue<string>() != actual.Header(name))
                    errors.Add($"{prefix}: header {name} expected {want["headers"]![name]} but was {actual.Header(name)}");
            }

            if (want["signature_check"]?["secret_used"]?.GetValue<string>() is { } secret)
            {
                var expectedSignature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), actual.Body));
                if (actual.Header("X-Frappe-Webhook-Signature") != expectedSignature)
                    errors.Add($"{prefix}: signature {actual.Header("X-Frappe-Webhook-Signature")} is not base64 HMAC-SHA256 of the body ({expectedSignature})");
            }
        }

        return errors;
    }

    private void AdvanceClock(string? date)
    {
        // Move forward to the recorded wall time, always by an odd number of microseconds so no two requests
        // share a timestamp and none lands on a whole second.
        var target = date is null ? Clock.GetUtcNow() : DateTimeOffset.Parse(date, CultureInfo.InvariantCulture);
        var next = Clock.GetUtcNow().AddTicks(13_170 + (_tick++ % 7 * 10));
        Clock.SetUtcNow(target > next ? target.AddTicks(1_230) : next);
    }

    private static bool IsList(JsonObject request)
    {
        var path = request["path"]!.GetValue<string>();
        var segments = path.Trim('/').Split('/');
        return segments.Length == 3 && segments[1] == "resource" && request["query"]?["order_by"] is null;
    }

    private static string Trim(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
