using System.Net;
using System.Text.Json.Nodes;
using ErpSync.Core.Alerts;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sync;
using ErpSync.Frappe.Resilience;
using ErpSync.Server.Alerts;
using ErpSync.Server.Tests.Support;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Time;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Tests.Alerts;

public sealed class AlertMonitorTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Func<ServerOptions, ServerOptions> WithAlerts(Uri url, AlertThresholds? thresholds = null) => o => o with
    {
        Retry = new RetryRules { MaxAttempts = 1, BackoffSeconds = 0 },
        Alerts = new AlertOptions { WebhookUrl = url, EvaluationInterval = Interval, Thresholds = thresholds ?? new AlertThresholds() },
    };

    [Fact]
    public async Task Monitor_DeadLetterAppearsThenClears_NotifiesOnceWhenItStartsAndOnceWhenItClears()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var time = new FakeTimeProvider();
        var engine = new FakeSyncEngine { Behaviour = (call, _) => Task.FromResult(FakeSyncEngine.Outcome(call, SyncOutcomeKind.Failed, "MandatoryError: customer_group")) };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, WithAlerts(receiver.Url), time);
        var monitor = server.Get<AlertMonitor>();

        await monitor.Passes.WaitForAsync(1, Ct);
        receiver.Received.ShouldBeEmpty("nothing is crossed yet");
        monitor.Active.ShouldBeEmpty();

        await server.EnqueueAsync("cloud", "Customer", "Acme");
        await server.WaitForRecordedCountAsync(1);
        time.Advance(Interval);
        await monitor.Passes.WaitForAsync(2, Ct);

        var started = receiver.Received.ShouldHaveSingleItem();
        started["event"]!.GetValue<string>().ShouldBe("alert_started");
        started["content_type"]!.GetValue<string>().ShouldStartWith("application/json");
        started["service"]!.GetValue<string>().ShouldBe("erpsync-webhook-server");
        started["text"]!.GetValue<string>().ShouldContain("ALERT");
        started["text"]!.GetValue<string>().ShouldContain("1 dead-lettered queue item(s)");
        started["alert"]!["kind"]!.GetValue<string>().ShouldBe("dead_letters");
        started["alert"]!["value"]!.GetValue<double>().ShouldBe(1);
        started["active_alerts"]!.GetValue<int>().ShouldBe(1);
        var raw = started.ToJsonString();
        raw.ShouldNotContain(ServerHarness.Secret);
        raw.ShouldNotContain(sites.Pair.Cloud.ApiSecret);
        raw.ShouldNotContain(sites.Pair.Local.ApiSecret);
        raw.ShouldNotContain("T0KEN");

        var health = JsonNode.Parse(await server.Http.GetStringAsync("health", Ct))!;
        health["alerts"]!.AsArray().ShouldHaveSingleItem()!["key"]!.GetValue<string>().ShouldBe("dead_letters");
        var status = JsonNode.Parse(await server.Http.GetStringAsync("status", Ct))!;
        status["alerts"]!.AsArray().ShouldHaveSingleItem()!["message"]!.GetValue<string>().ShouldContain("erpsync retry --all");

        time.Advance(Interval);
        await monitor.Passes.WaitForAsync(3, Ct);
        receiver.Received.Count.ShouldBe(1, "an alert that persists is not announced again");

        engine.Behaviour = (call, _) => Task.FromResult(FakeSyncEngine.Applied(call));
        (await server.Database.Queue.RequeueDeadAsync(null, Ct)).ShouldBe(1);
        time.Advance(Interval);
        await monitor.Passes.WaitForAsync(4, Ct);

        receiver.Received.Count.ShouldBe(2);
        var cleared = receiver.Received[1];
        cleared["event"]!.GetValue<string>().ShouldBe("alert_cleared");
        cleared["alert"]!["key"]!.GetValue<string>().ShouldBe("dead_letters");
        cleared["active_alerts"]!.GetValue<int>().ShouldBe(0);
        cleared["text"]!.GetValue<string>().ShouldContain("RESOLVED");
        monitor.Active.ShouldBeEmpty();
        server.LogCapture.Logs.ShouldContain(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Alert dead_letters started", StringComparison.Ordinal));
        server.LogCapture.Logs.ShouldContain(l => l.Message.StartsWith("Alert dead_letters cleared after 1 min", StringComparison.Ordinal));
        server.LogCapture.Logs.ShouldNotContain(l => l.Everything.Contains("T0KEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monitor_FiguresBelowThresholds_SendsNothing()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var time = new FakeTimeProvider();
        var engine = new FakeSyncEngine { Behaviour = (call, _) => Task.FromResult(FakeSyncEngine.Outcome(call, SyncOutcomeKind.Failed, "rejected")) };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine,
            WithAlerts(receiver.Url, new AlertThresholds { DeadLetters = 2, QueueAge = TimeSpan.FromHours(1) }), time);
        var monitor = server.Get<AlertMonitor>();
        await monitor.Passes.WaitForAsync(1, Ct);

        await server.EnqueueAsync("cloud", "Customer", "One");
        await server.WaitForRecordedCountAsync(1);
        time.Advance(Interval);
        await monitor.Passes.WaitForAsync(2, Ct);
        time.Advance(Interval);
        await monitor.Passes.WaitForAsync(3, Ct);

        receiver.Received.ShouldBeEmpty("one dead letter is under a threshold of two");
        monitor.Active.ShouldBeEmpty();
        JsonNode.Parse(await server.Http.GetStringAsync("health", Ct))!["alerts"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Monitor_GatewayFails_LogsWithoutTheUrlKeepsServingAndDeliversAtTheNextEvaluation()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        receiver.NextStatus.Enqueue(HttpStatusCode.InternalServerError);
        var time = new FakeTimeProvider();
        var engine = new FakeSyncEngine { Behaviour = (call, _) => Task.FromResult(FakeSyncEngine.Outcome(call, SyncOutcomeKind.Failed, "rejected")) };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, WithAlerts(receiver.Url), time);
        var monitor = server.Get<AlertMonitor>();
        await monitor.Passes.WaitForAsync(1, Ct);
        await server.EnqueueAsync("cloud", "Customer", "Acme");
        await server.WaitForRecordedCountAsync(1);

        time.Advance(Interval);
        await monitor.Passes.WaitForAsync(2, Ct);
        receiver.Received.Count.ShouldBe(1);
        server.LogCapture.Logs.ShouldContain(l => l.Level == LogLevel.Warning
            && l.Message == $"Alert notification alert_started for dead_letters refused by 127.0.0.1 with HTTP 500; trying again at the next evaluation");
        (await server.Http.GetAsync("health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        time.Advance(Interval);
        await monitor.Passes.WaitForAsync(3, Ct);
        receiver.Received.Count.ShouldBe(2);
        receiver.Received[1]["event"]!.GetValue<string>().ShouldBe("alert_started");
        time.Advance(Interval);
        await monitor.Passes.WaitForAsync(4, Ct);
        receiver.Received.Count.ShouldBe(2, "delivered once, not again");
        server.LogCapture.Logs.ShouldNotContain(l => l.Everything.Contains("T0KEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monitor_GatewayDown_ServerKeepsRunningAndLogsTheFailure()
    {
        // A port nobody listens on: the connection is refused.
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var time = new FakeTimeProvider();
        var engine = new FakeSyncEngine { Behaviour = (call, _) => Task.FromResult(FakeSyncEngine.Outcome(call, SyncOutcomeKind.Failed, "rejected")) };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, WithAlerts(new Uri($"http://127.0.0.1:{port}/hook")), time);
        var monitor = server.Get<AlertMonitor>();
        await monitor.Passes.WaitForAsync(1, Ct);
        await server.EnqueueAsync("cloud", "Customer", "Acme");
        await server.WaitForRecordedCountAsync(1);

        time.Advance(Interval);
        await monitor.Passes.WaitForAsync(2, Ct);

        monitor.Active.ShouldHaveSingleItem().Key.ShouldBe("dead_letters");
        server.LogCapture.Logs.ShouldContain(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Alert notification alert_started for dead_letters to 127.0.0.1 failed:", StringComparison.Ordinal));
        (await server.EnqueueAsync("cloud", "Customer", "Next")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Monitor_SiteCircuitOpenLongerThanItsThreshold_AlertsForThatSiteAndClearsWhenItCloses()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var time = new FakeTimeProvider();
        var circuit = SiteCircuitState.Open;
        await using var server = await ServerHarness.StartAsync(sites.Pair, new FakeSyncEngine(),
            o => o with { Alerts = new AlertOptions { WebhookUrl = receiver.Url, EvaluationInterval = TimeSpan.FromMinutes(1) } },
            time, cloudCircuit: () => circuit);
        var monitor = server.Get<AlertMonitor>();
        await monitor.Passes.WaitForAsync(1, Ct);

        time.Advance(TimeSpan.FromMinutes(1));
        await monitor.Passes.WaitForAsync(2, Ct);
        receiver.Received.ShouldBeEmpty("one minute is under the two-minute default");

        time.Advance(TimeSpan.FromMinutes(1));
        await monitor.Passes.WaitForAsync(3, Ct);
        var started = receiver.Received.ShouldHaveSingleItem();
        started["alert"]!["key"]!.GetValue<string>().ShouldBe("site_unreachable:cloud");
        started["alert"]!["subject"]!.GetValue<string>().ShouldBe("cloud");
        started["text"]!.GetValue<string>().ShouldContain("the cloud site has been unreachable for 2 min");

        circuit = SiteCircuitState.Closed;
        time.Advance(TimeSpan.FromMinutes(1));
        await monitor.Passes.WaitForAsync(4, Ct);
        receiver.Received.Count.ShouldBe(2);
        receiver.Received[1]["event"]!.GetValue<string>().ShouldBe("alert_cleared");
    }

    [Fact]
    public void Options_WebhookUrl_NeverShownByToString()
    {
        var options = new AlertOptions { WebhookUrl = new Uri("https://hooks.slack.com/services/T000/B000/XXXXSECRET") };

        options.ToString().ShouldNotContain("XXXXSECRET");
        options.ToString().ShouldContain("hooks.slack.com");
        new ServerOptions { DocTypes = ["Customer"], Alerts = options }.ToString().ShouldNotContain("XXXXSECRET");
    }

    [Fact]
    public void Validate_BadOperationsSettings_NamesEachProblem()
    {
        var options = new ServerOptions
        {
            DocTypes = ["Customer"],
            Alerts = new AlertOptions { WebhookUrl = new Uri("ftp://example.com/hook"), Thresholds = new AlertThresholds { Errors = -1 }, EvaluationInterval = TimeSpan.Zero },
            Upkeep = new ErpSync.Server.Upkeep.UpkeepOptions { LogsRetentionDays = -1, HeartbeatInterval = TimeSpan.Zero },
        };

        var error = Should.Throw<ArgumentException>(options.Validate);

        error.Message.ShouldContain("alerts.thresholds must be 0 (off) or more");
        error.Message.ShouldContain("alerts.webhook_url must be an absolute http:// or https:// address");
        error.Message.ShouldContain("the alert evaluation interval must be at least 1 second");
        error.Message.ShouldContain("retention.logs_days must be 0 (keep forever) or more, not -1");
        error.Message.ShouldContain("the heartbeat interval must be at least 1 second");
    }
}
