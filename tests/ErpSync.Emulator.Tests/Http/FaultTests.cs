using System.Diagnostics;
using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Http;

/// <summary>Fault switches change the site for everyone, so each test restores them.</summary>
public sealed class FaultTests(FaultTests.Fixture fixture) : IClassFixture<FaultTests.Fixture>, IDisposable
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        protected override EmulatorOptions Options => new() { SeedErpNext = false };
    }

    private EmulatedSite Site => fixture.Site;

    public void Dispose() => Site.Faults.Reset();

    private string DocType() => TestDocTypes.Define(Site, "Faulty", "field:title", ["title:Data"]);

    [Fact]
    public async Task ErrorRate_One_RefusesBeforeProcessing()
    {
        DocType();
        Site.Faults.ErrorStatuses = [503];
        Site.Faults.ErrorRate = 1;
        using var http = new SiteHttp(Site);

        var response = await http.PostAsync("api/resource/Faulty", """{"title": "never-stored"}""");

        response.Status.ShouldBe(503);
        response.ContentHeaders.ContentType!.MediaType.ShouldBe("text/html");
        Site.Backdoor.Exists("Faulty", "never-stored").ShouldBeFalse();
        Site.Faults.InjectedErrors.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ErrorsAfterProcessing_ResponseLostButWriteCommitted()
    {
        DocType();
        Site.Faults.ErrorsAfterProcessing = true;
        Site.Faults.ErrorRate = 1;
        using var http = new SiteHttp(Site);

        var response = await http.PostAsync("api/resource/Faulty", """{"title": "stored-anyway"}""");

        response.Status.ShouldBe(500);
        response.Json!["exception"]!.GetValue<string>().ShouldContain("QueryDeadlockError");
        Site.Backdoor.Exists("Faulty", "stored-anyway").ShouldBeTrue();
    }

    [Fact]
    public async Task RateLimit_Hit_Answers429WithRetryAfter()
    {
        Site.Faults.RateLimit = new RateLimitFault(1, TimeSpan.FromSeconds(7));
        using var http = new SiteHttp(Site);

        var response = await http.GetAsync("api/method/frappe.auth.get_logged_user");

        response.Status.ShouldBe(429);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        Site.Faults.RateLimited.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Down_ConnectionAbortedWithoutResponse()
    {
        Site.Faults.Down = true;
        using var http = new SiteHttp(Site);

        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync("api/method/frappe.auth.get_logged_user"));
        Site.Faults.AbortedRequests.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Latency_Set_RequestTakesAtLeastThatLong()
    {
        Site.Faults.Latency = TimeSpan.FromMilliseconds(150);
        using var http = new SiteHttp(Site);
        var watch = Stopwatch.StartNew();

        var response = await http.GetAsync("api/method/frappe.auth.get_logged_user");

        response.Status.ShouldBe(200);
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(140));
    }

    [Fact]
    public async Task AdminEndpoint_PutGetDelete_DrivesTheSameSwitches()
    {
        using var http = new SiteHttp(Site);

        var put = await http.PutAsync("api/emulator/faults", """{"error_rate": 0.25, "error_statuses": [502, 503], "rate_limit": {"rate": 0.5, "retry_after_s": 3}, "down": false, "latency_ms": 5}""");
        var down = await http.PutAsync("api/emulator/faults", """{"down": true}""");
        var stillReachable = await http.GetAsync("api/emulator/faults");
        var reset = await http.DeleteAsync("api/emulator/faults");

        put.Status.ShouldBe(200);
        put.Json!["error_statuses"]!.ToJsonString().ShouldBe("[502,503]");
        down.Json!["down"]!.GetValue<bool>().ShouldBeTrue();
        stillReachable.Status.ShouldBe(200);
        reset.Json!["down"]!.GetValue<bool>().ShouldBeFalse();
        Site.Faults.ErrorRate.ShouldBe(0);
        Site.Faults.RateLimit.ShouldBeNull();
    }

    [Fact]
    public async Task AdminEndpoint_BadInput_400WithReason()
    {
        using var http = new SiteHttp(Site);

        var unknown = await http.PutAsync("api/emulator/faults", """{"explode": 1}""");
        var range = await http.PutAsync("api/emulator/faults", """{"error_rate": 2}""");
        var anonymous = await http.SendAsync(HttpMethod.Get, "api/emulator/faults", authorization: null);

        unknown.Status.ShouldBe(400);
        unknown.Json!["error"]!.GetValue<string>().ShouldContain("Unknown fault 'explode'");
        range.Status.ShouldBe(400);
        anonymous.Status.ShouldBe(401);
    }

    [Fact]
    public void Switches_InvalidValues_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Site.Faults.ErrorRate = 1.5);
        Should.Throw<ArgumentException>(() => Site.Faults.ErrorStatuses = [200]);
        Should.Throw<ArgumentOutOfRangeException>(() => Site.Faults.DropWebhooks = -0.1);
    }
}
