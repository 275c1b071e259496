using System.Diagnostics;
using System.Text.Json.Nodes;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Emulator;
using ErpSync.Frappe.Resilience;
using ErpSync.TestKit.Time;
using static ErpSync.Frappe.Tests.Integration.DocumentOperationsTests;

namespace ErpSync.Frappe.Tests.Integration;

/// <summary>Injected faults on an emulated site: latency, 500s, 502/503, 429 with Retry-After, the site going down.</summary>
public sealed class FaultInjectionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private EmulatorFaults Faults => fixture.Site.Faults;

    public void Dispose() => Faults.Reset();

    [Fact]
    public async Task Latency_BelowTimeout_Succeeds()
    {
        using var client = fixture.Client();
        Faults.Latency = TimeSpan.FromMilliseconds(200);

        (await client.GetAsync("Sync Customer", "Acme Corp", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Latency_BeyondTimeout_GetRetriesThenReportsTimeout()
    {
        using var client = fixture.Client(fixture.Options() with { RequestTimeout = TimeSpan.FromMilliseconds(150) });
        Faults.Latency = TimeSpan.FromSeconds(2);

        var ex = await Should.ThrowAsync<FrappeUnavailableException>(() => client.GetAsync("Sync Customer", "Acme Corp", Ct));

        ex.Message.ShouldContain("timed out after 0.15 s");
    }

    [Fact]
    public async Task Latency_BeyondTimeoutOnInsert_IsNotResentAndTheEngineCanReRead()
    {
        using var client = fixture.Client(fixture.Options() with { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        var name = Unique("SlowInsert");
        Faults.Latency = TimeSpan.FromSeconds(1);
        using var retries = new RetrySignal(client, () => { });

        await Should.ThrowAsync<FrappeUnavailableException>(() => client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = name }, Ct));

        retries.Retries.ShouldBe(0);
    }

    [Fact]
    public async Task InternalServerError_IsNotRetried()
    {
        using var client = fixture.Client();
        Faults.ErrorStatuses = [500];
        Faults.ErrorRate = 1;
        var before = Faults.InjectedErrors;

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.GetAsync("Sync Customer", "Acme Corp", Ct));

        ex.StatusCode.ShouldBe(500);
        (Faults.InjectedErrors - before).ShouldBe(1);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task GatewayErrors_AreRetriedUntilTheSiteAnswers(int status)
    {
        using var client = fixture.Client();
        Faults.ErrorStatuses = [status];
        Faults.ErrorRate = 1;
        using var heal = new RetrySignal(client, () => Faults.ErrorRate = 0);

        (await client.GetAsync("Sync Customer", "Acme Corp", Ct)).ShouldNotBeNull();

        heal.Retries.ShouldBe(1);
    }

    [Fact]
    public async Task BadGatewayAfterTheInsertWasProcessed_IsNotResentSoNoDuplicate()
    {
        using var client = fixture.Client();
        var title = Unique("after-processing");
        Faults.ErrorStatuses = [502];
        Faults.ErrorsAfterProcessing = true;
        Faults.ErrorRate = 1;

        await Should.ThrowAsync<FrappeServerException>(() => client.InsertAsync("Sync Note", new JsonObject { ["title"] = title }, Ct));

        Faults.Reset();
        fixture.Site.Backdoor.Query("Sync Note", "[\"name\"]", $"[[\"title\",\"=\",\"{title}\"]]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfterThenSucceeds()
    {
        using var client = fixture.Client();
        Faults.RateLimit = new RateLimitFault(1, TimeSpan.FromSeconds(1));
        using var heal = new RetrySignal(client, () => Faults.RateLimit = null);
        var watch = Stopwatch.StartNew();

        (await client.InsertAsync("Sync Note", new JsonObject { ["title"] = Unique("limited") }, Ct))["name"].ShouldNotBeNull();

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        heal.Retries.ShouldBe(1);
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterBeyondLimit_SurfacesTheDelay()
    {
        using var client = fixture.Client();
        Faults.RateLimit = new RateLimitFault(1, TimeSpan.FromMinutes(5));

        var ex = await Should.ThrowAsync<FrappeRateLimitedException>(() => client.GetAsync("Sync Customer", "Acme Corp", Ct));

        ex.StatusCode.ShouldBe(429);
        ex.RetryAfter.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task SiteDown_CircuitOpensFailsFastAndClosesAfterRecovery()
    {
        var time = new FakeTimeProvider();
        var options = fixture.Options() with
        {
            Retry = new RetryRules { MaxAttempts = 1 },
            Circuit = new FrappeCircuitOptions { MinimumThroughput = 3, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) },
        };
        using var client = fixture.Client(options, time);
        (await client.GetAsync("Sync Customer", "Acme Corp", Ct)).ShouldNotBeNull();
        Faults.Down = true;

        for (var i = 0; i < 3; i++)
            await Should.ThrowAsync<FrappeUnavailableException>(() => client.GetAsync("Sync Customer", "Acme Corp", Ct));
        client.CircuitState.ShouldBe(SiteCircuitState.Open);
        var aborted = Faults.AbortedRequests;
        var open = await Should.ThrowAsync<FrappeUnavailableException>(() => client.GetAsync("Sync Customer", "Acme Corp", Ct));
        open.Message.ShouldContain("circuit open for the cloud site");
        Faults.AbortedRequests.ShouldBe(aborted); // failed fast: nothing reached the site

        Faults.Down = false;
        time.Advance(TimeSpan.FromSeconds(31));
        (await client.GetAsync("Sync Customer", "Acme Corp", Ct)).ShouldNotBeNull();
        client.CircuitState.ShouldBe(SiteCircuitState.Closed);
    }

    [Fact]
    public async Task SiteDown_InsertIsNotResent()
    {
        using var client = fixture.Client();
        Faults.Down = true;
        var aborted = Faults.AbortedRequests;

        var ex = await Should.ThrowAsync<FrappeUnavailableException>(() => client.InsertAsync("Sync Note", new JsonObject { ["title"] = Unique("down") }, Ct));

        (Faults.AbortedRequests - aborted).ShouldBe(1);
        ex.Message.ShouldContain("may still have processed it");
    }
}
