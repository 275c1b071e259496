using System.Net;
using System.Net.Sockets;
using System.Text;
using ErpSync.Frappe.Tests.Transcripts;

namespace ErpSync.Frappe.Tests.Http;

/// <summary>What actually goes on the wire, read from a raw socket (no HttpClient on the receiving side to normalise it).</summary>
public sealed class WireEncodingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("A/B Trading Co", "GET /api/resource/Sync%20Customer/A%2FB%20Trading%20Co HTTP/1.1")]
    [InlineData("100% Cotton?#Co", "GET /api/resource/Sync%20Customer/100%25%20Cotton%3F%23Co HTTP/1.1")]
    [InlineData("Müller & Söhne+Co", "GET /api/resource/Sync%20Customer/M%C3%BCller%20%26%20S%C3%B6hne%2BCo HTTP/1.1")]
    public async Task GetAsync_SpecialName_RequestLineIsPercentEncoded(string name, string requestLine)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = ServeOnceAsync(listener);
        using var client = FrappeSiteClient.Create(TestSites.Options(new Uri($"http://127.0.0.1:{port}/")));

        (await client.GetAsync("Sync Customer", name, Ct)).ShouldNotBeNull();

        var head = await server;
        head[0].ShouldBe(requestLine);
        head.ShouldContain($"Authorization: token {TestSites.Key}:{TestSites.Secret}");
        head.ShouldContain("Accept: application/json");
        head.ShouldNotContain(h => h.StartsWith("Cookie", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Requests_Sequential_ReuseOneKeepAliveConnection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = ServeKeepAliveAsync(listener, 3);
        using var client = FrappeSiteClient.Create(TestSites.Options(new Uri($"http://127.0.0.1:{port}/")));

        for (var i = 0; i < 3; i++)
            (await client.GetAsync("Sync Customer", $"C{i}", Ct)).ShouldNotBeNull();

        (await server).ShouldBe(1, "all three requests should travel over one pooled connection");
    }

    // Answers `requests` requests, on as many connections as the client opens; returns how many it opened.
    private static async Task<int> ServeKeepAliveAsync(TcpListener listener, int requests)
    {
        var connections = 0;
        var served = 0;
        while (served < requests)
        {
            using var socket = await listener.AcceptTcpClientAsync(Ct);
            connections++;
            var stream = socket.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            while (served < requests && await reader.ReadLineAsync(Ct) is { Length: > 0 })
            {
                while (await reader.ReadLineAsync(Ct) is { Length: > 0 })
                {
                }

                var body = Encoding.UTF8.GetBytes("""{"data":{"name":"x"}}""");
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"), Ct);
                await stream.WriteAsync(body, Ct);
                served++;
            }
        }

        return connections;
    }

    private static async Task<List<string>> ServeOnceAsync(TcpListener listener)
    {
        using var socket = await listener.AcceptTcpClientAsync(Ct);
        var stream = socket.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(Ct) is { Length: > 0 } line)
            lines.Add(line);
        var body = Encoding.UTF8.GetBytes("""{"data":{"name":"x"}}""");
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSet-Cookie: sid=Guest; path=/\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, Ct);
        await stream.WriteAsync(body, Ct);
        return lines;
    }
}
