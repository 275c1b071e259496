using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ErpSync.TestKit.Emulation;

/// <summary>
/// A minimal HTTP/1.1 receiver on 127.0.0.1 that records requests exactly as sent (header order, raw body) —
/// what the webhook transcripts recorded. Answers 200 <c>{"ok": true}</c> unless told otherwise per path prefix.
/// </summary>
public sealed class WebhookRecorder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(string Prefix, int Status, string Body)> _rules = [];
    private readonly List<Task> _connections = [];
    private readonly Task _accept;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookRecorder()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accept = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
                return _requests.ToArray();
        }
    }

    public static WebhookRecorder Start() => new();

    /// <summary>Answers requests whose path starts with <paramref name="pathPrefix"/> with <paramref name="status"/>.</summary>
    public void RespondWith(string pathPrefix, int status, string body = "")
    {
        lock (_gate)
            _rules.Insert(0, (pathPrefix, status, body));
    }

    public void Clear()
    {
        lock (_gate)
            _requests.Clear();
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (matching <paramref name="filter"/> when given).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan timeout, Func<RecordedRequest, bool>? filter = null, CancellationToken ct = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var matching = _requests.Where(r => filter?.Invoke(r) ?? true).ToList();
                if (matching.Count >= count)
                    return matching;
                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"Expected {count} webhook request(s) within {timeout.TotalSeconds} s, got {Requests.Count(r => filter?.Invoke(r) ?? true)}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        Task[] connections;
        lock (_gate)
            connections = _connections.ToArray();
        await Task.WhenAll(connections.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_gate)
                _connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new BufferedReader(stream);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var requestLine = await reader.ReadLineAsync(_stop.Token);
                if (string.IsNullOrEmpty(requestLine))
                    return;
                var parts = requestLine.Split(' ');
                var headers = new List<KeyValuePair<string, string>>();
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(_stop.Token)))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
                }

                var length = int.TryParse(headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value, out var n) ? n : 0;
                var body = await reader.ReadBytesAsync(length, _stop.Token);
                var request = new RecordedRequest(parts[0], parts.Length > 1 ? parts[1] : "/", headers, body, DateTimeOffset.UtcNow);
                (int Status, string Body) answer;
                lock (_gate)
                {
                    _requests.Add(request);
                    var rule = _rules.FirstOrDefault(r => request.Path.StartsWith(r.Prefix, StringComparison.Ordinal));
                    answer = rule.Prefix is null ? (200, "{\"ok\": true}") : (rule.Status, rule.Body);
                }

                Pulse();
                var payload = Encoding.UTF8.GetBytes(answer.Body);
                var head = $"HTTP/1.1 {answer.Status} {(answer.Status < 300 ? "OK" : "Error")}\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(payload, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Connection closed by the client or the recorder stopping.
        }
    }

    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private sealed class BufferedReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync(ct))
                    return line.Count == 0 ? null : Encoding.Latin1.GetString(line.ToArray());
                var b = _buffer[_start++];
                if (b == '\n')
                    return Encoding.Latin1.GetString(line.ToArray()).TrimEnd('\r');
                line.Add(b);
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count, CancellationToken ct)
        {
            var result = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(ct))
                    throw new IOException("Connection closed mid-body.");
                var take = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, result, filled, take);
                _start += take;
                filled += take;
            }

            return result;
        }

        private async Task<bool> FillAsync(CancellationToken ct)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, ct);
            return _end > 0;
        }
    }
}
