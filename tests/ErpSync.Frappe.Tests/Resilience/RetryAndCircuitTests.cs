using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Resilience;
using ErpSync.Frappe.Tests.Transcripts;
using ErpSync.TestKit.Time;

namespace ErpSync.Frappe.Tests.Resilience;

public sealed class RetryAndCircuitTests
{
    private const string OkDoc = """{"data":{"name":"X","modified":"2026-11-22 04:27:02.000001"}}""";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_TwoServiceUnavailableThenOk_RetriesAndSucceeds()
    {
        var handler = new ScriptedHandler().Then(503, "<html>maintenance</html>").Then(503, "<html>maintenance</html>").Then(200, OkDoc);
        using var client = TestSites.Client(handler);

        (await client.GetAsync("Sync Customer", "X", Ct))!["name"]!.GetValue<string>().ShouldBe("X");

        handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task GetAsync_BadGatewayEveryTime_GivesUpAfterMaxAttemptsWithTransientServerError()
    {
        var handler = new ScriptedHandler().Always(_ => ScriptedHandler.Response(502, "<html><body>502 Bad Gateway</body></html>"));
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.GetAsync("Sync Customer", "X", Ct));

        handler.Requests.Count.ShouldBe(3);
        ex.IsTransient.ShouldBeTrue();
        ex.StatusCode.ShouldBe(502);
        ex.Message.ShouldContain("HTTP 502");
        ex.Message.ShouldContain("<html><body>502 Bad Gateway");
    }

    [Fact]
    public async Task InsertAsync_BadGateway_IsNotResentBecauseTheSiteMayHaveProcessedIt()
    {
        var handler = new ScriptedHandler().Then(502, "<html>bad gateway</html>").Then(200, OkDoc);
        using var client = TestSites.Client(handler);

        await Should.ThrowAsync<FrappeServerException>(() => client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = "X" }, Ct));

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task InsertAsync_ServiceUnavailable_IsResentBecauseNothingWasProcessed()
    {
        var handler = new ScriptedHandler().Then(503, """{"exception":"frappe.exceptions.SessionStopped"}""").Then(200, OkDoc);
        using var client = TestSites.Client(handler);

        (await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = "X" }, Ct))["name"]!.GetValue<string>().ShouldBe("X");

        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task InsertAsync_ConnectionRefused_IsResentBecauseNothingWasSent()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (site1.test:80)", new SocketException((int)SocketError.ConnectionRefused));
        var handler = new ScriptedHandler().ThenThrow(refused).Then(200, OkDoc);
        using var client = TestSites.Client(handler);

        await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = "X" }, Ct);

        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task InsertAsync_ConnectionResetAfterSending_IsSurfacedNotResent()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("reset"));
        var handler = new ScriptedHandler().ThenThrow(reset).Then(200, OkDoc);
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeUnavailableException>(() => client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = "X" }, Ct));

        handler.Requests.Count.ShouldBe(1);
        ex.Message.ShouldContain("may still have processed it");
        ex.DocType.ShouldBe("Sync Customer");
    }

    [Fact]
    public async Task InsertAsync_Timeout_IsSurfacedNotResent()
    {
        var handler = new ScriptedHandler().Always(_ => Hang());
        using var client = TestSites.Client(handler, TestSites.Options() with { RequestTimeout = TimeSpan.FromMilliseconds(150) });

        var ex = await Should.ThrowAsync<FrappeUnavailableException>(() => client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = "X" }, Ct));

        handler.Requests.Count.ShouldBe(1);
        ex.Message.ShouldContain("timed out after 0.15 s");
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task GetAsync_Timeout_IsRetriedThenSurfaced()
    {
        var handler = new ScriptedHandler().Always(_ => Hang());
        using var client = TestSites.Client(handler, TestSites.Options() with { RequestTimeout = TimeSpan.FromMilliseconds(100) });

        var ex = await Should.ThrowAsync<FrappeUnavailableException>(() => client.GetAsync("Sync Customer", "X", Ct));

        handler.Requests.Count.ShouldBe(3);
        ex.Message.ShouldContain("timed out");
    }

    [Fact]
    public async Task GetAsync_CallerCancels_ThrowsOperationCanceledWithoutRetry()
    {
        var handler = new ScriptedHandler().Always(_ => Hang());
        using var client = TestSites.Client(handler);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(100);

        await Should.ThrowAsync<OperationCanceledException>(() => client.GetAsync("Sync Customer", "X", cts.Token));

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_TooManyRequestsWithRetryAfter_WaitsThatLongThenRetries()
    {
        var handler = new ScriptedHandler().Then(429, """{"exception":"frappe.exceptions.TooManyRequestsError"}""", ("Retry-After", "1")).Then(200, OkDoc);
        using var client = TestSites.Client(handler);
        var watch = Stopwatch.StartNew();

        await client.GetAsync("Sync Customer", "X", Ct);

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsync_RetryAfterBeyondLimit_SurfacesRateLimitedWithTheDelay()
    {
        var handler = new ScriptedHandler().Always(_ => ScriptedHandler.Response(429, """{"exception":"frappe.exceptions.TooManyRequestsError"}""", ("Retry-After", "120")));
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeRateLimitedException>(() => client.GetAsync("Sync Customer", "X", Ct));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(120));
        ex.ExcType.ShouldBe("TooManyRequestsError");
        ex.IsTransient.ShouldBeTrue();
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Circuit_SiteDownThenBack_OpensFailsFastAndClosesAfterProbe()
    {
        var time = new FakeTimeProvider();
        var siteUp = false;
        var handler = new ScriptedHandler().Always(_ => siteUp ? ScriptedHandler.Response(200, OkDoc) : ScriptedHandler.Response(503, "down"));
        var options = TestSites.Options() with
        {
            Retry = new RetryRules { MaxAttempts = 1 },
            Circuit = new FrappeCircuitOptions { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(10) },
        };
        using var client = TestSites.Client(handler, options, time);

        await Should.ThrowAsync<FrappeServerException>(() => client.GetAsync("Sync Customer", "X", Ct));
        await Should.ThrowAsync<FrappeServerException>(() => client.GetAsync("Sync Customer", "X", Ct));
        client.CircuitState.ShouldBe(SiteCircuitState.Open);
        var open = await Should.ThrowAsync<FrappeUnavailableException>(() => client.GetAsync("Sync Customer", "X", Ct));
        open.Message.ShouldContain("circuit open");
        handler.Requests.Count.ShouldBe(2);

        siteUp = true;
        time.Advance(TimeSpan.FromSeconds(11));
        (await client.GetAsync("Sync Customer", "X", Ct)).ShouldNotBeNull();
        client.CircuitState.ShouldBe(SiteCircuitState.Closed);
        handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Circuit_ValidationErrors_NeverOpenIt()
    {
        var handler = new ScriptedHandler().Always(_ => ScriptedHandler.Response(417, """{"exc_type":"ValidationError","exception":"frappe.exceptions.ValidationError: no"}"""));
        var options = TestSites.Options() with { Circuit = new FrappeCircuitOptions { MinimumThroughput = 2, BreakDuration = TimeSpan.FromSeconds(10) } };
        using var client = TestSites.Client(handler, options);

        for (var i = 0; i < 5; i++)
            await Should.ThrowAsync<FrappeValidationException>(() => client.GetAsync("Sync Customer", "X", Ct));

        client.CircuitState.ShouldBe(SiteCircuitState.Closed);
        handler.Requests.Count.ShouldBe(5);
    }

    [Fact]
    public async Task GetAsync_ManyAtOnce_NeverMoreThanMaxConcurrencyInFlight()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var twoArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int inFlight = 0, peak = 0, arrived = 0;
        var handler = new ScriptedHandler().Always(_ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            if (Interlocked.Increment(ref arrived) == 2)
                twoArrived.TrySetResult();
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new GatedContent(gate.Task, OkDoc, () => Interlocked.Decrement(ref inFlight)) };
        });
        using var client = TestSites.Client(handler, TestSites.Options() with { MaxConcurrency = 2 });

        var calls = Enumerable.Range(0, 6).Select(i => client.GetAsync("Sync Customer", $"X{i}", Ct)).ToList();
        await twoArrived.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        gate.SetResult();
        await Task.WhenAll(calls);

        peak.ShouldBe(2);
        handler.Requests.Count.ShouldBe(6);
    }

    [Fact]
    public async Task GetAsync_RealClosedPort_ReportsConnectionRefused()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = FrappeSiteClient.Create(TestSites.Options(new Uri($"http://127.0.0.1:{port}/")));

        var ex = await Should.ThrowAsync<FrappeUnavailableException>(() => client.GetAsync("Sync Customer", "X", Ct));

        ex.Message.ShouldContain($"connection refused by 127.0.0.1:{port}");
        ex.StatusCode.ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_NameResolutionFails_ReportsDnsAndRetries()
    {
        var dns = new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (site1.test:80)", new SocketException((int)SocketError.HostNotFound));
        var handler = new ScriptedHandler().Always(_ => throw dns);
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeUnavailableException>(() => client.GetAsync("Sync Customer", "X", Ct));

        ex.Message.ShouldContain("could not resolve host name site1.test");
        handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task GetAsync_TlsHandshakeFails_ReportsTlsWithoutRetrying()
    {
        var tls = new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established",
            new System.Security.Authentication.AuthenticationException("The remote certificate is invalid"));
        var handler = new ScriptedHandler().Always(_ => throw tls);
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeUnavailableException>(() => client.GetAsync("Sync Customer", "X", Ct));

        ex.Message.ShouldContain("TLS handshake with site1.test failed (The remote certificate is invalid)");
        handler.Requests.Count.ShouldBe(1);
    }

    private static HttpResponseMessage Hang() =>
        new(System.Net.HttpStatusCode.OK) { Content = new GatedContent(new TaskCompletionSource().Task, OkDoc, () => { }) };

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    /// <summary>A body that arrives only when <c>gate</c> completes (or the reader gives up).</summary>
    private sealed class GatedContent(Task gate, string body, Action done) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            try
            {
                await gate.WaitAsync(cancellationToken);
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(body), cancellationToken);
            }
            finally
            {
                done();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
