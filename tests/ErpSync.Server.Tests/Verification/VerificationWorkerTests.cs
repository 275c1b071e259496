using System.Text.Json.Nodes;
using ErpSync.Core.Sync;
using ErpSync.Server.Tests.Support;
using ErpSync.Server.Verification;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Time;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Tests.Verification;

public sealed class VerificationWorkerTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 1, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Func<ServerOptions, ServerOptions> Nightly => o => o with
    {
        Verification = new VerificationOptions { NextRun = VerificationOptions.DailyAt(new TimeOnly(2, 0)), Description = "daily 02:00" },
    };

    [Fact]
    public async Task Worker_ClockReachesTheSchedule_RunsOneFullReconciliationAndSchedulesTheNextNight()
    {
        var time = new FakeTimeProvider(Start);
        var engine = new ReconcilingEngine(time);
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, Nightly, time);
        var worker = server.Get<VerificationWorker>();
        await worker.Scheduled.WaitForAsync(1, Ct);
        worker.State.NextRunAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));

        time.Advance(TimeSpan.FromMinutes(29));
        engine.Runs.ShouldBeEmpty("02:00 has not come yet");

        time.Advance(TimeSpan.FromMinutes(1));
        await worker.Runs.WaitForAsync(1, Ct);
        await worker.Scheduled.WaitForAsync(2, Ct);

        engine.Runs.ShouldBe([new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero)]);
        var state = worker.State;
        state.Schedule.ShouldBe("daily 02:00");
        state.NextRunAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        state.LastRun.ShouldNotBeNull().Result.ShouldBe("completed");
        state.LastRun.Total.ShouldBe(12);
        server.LogCapture.Logs.ShouldContain(l => l.Message == "Scheduled verification: full reconciliation of both sites started");
        server.LogCapture.Logs.ShouldContain(l => l.Message == "Scheduled verification: both sites agree (12 document(s) compared in 2.0 s)");

        var status = JsonNode.Parse(await server.Http.GetStringAsync("status", Ct))!;
        status["verification"]!["schedule"]!.GetValue<string>().ShouldBe("daily 02:00");
        status["verification"]!["runs"]!.GetValue<long>().ShouldBe(1);
        status["verification"]!["last_run"]!["result"]!.GetValue<string>().ShouldBe("completed");

        time.Advance(TimeSpan.FromDays(1));
        await worker.Runs.WaitForAsync(2, Ct);
        engine.Runs.Count.ShouldBe(2);
        engine.Runs[1].ShouldBe(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Worker_RunFindsDrift_LogsTheSummaryAsAWarning()
    {
        var time = new FakeTimeProvider(Start);
        var engine = new ReconcilingEngine(time)
        {
            Behaviour = _ => Task.FromResult(new SyncSummary { Total = 40, Success = 3, Failed = 1, Conflicts = 1, Skipped = 35, Elapsed = TimeSpan.FromSeconds(5) }),
        };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, Nightly, time);
        var worker = server.Get<VerificationWorker>();
        await worker.Scheduled.WaitForAsync(1, Ct);

        time.Advance(TimeSpan.FromMinutes(30));
        await worker.Runs.WaitForAsync(1, Ct);

        server.LogCapture.Logs.ShouldContain(l => l.Level == LogLevel.Warning
            && l.Message == "Scheduled verification found drift: Total 40, Success 3, Failed 1, Conflicts 1, Skipped 35 in 5.0 s");
    }

    [Fact]
    public async Task Worker_EngineThrows_LogsTheFailureKeepsServingAndRunsAgainNextTime()
    {
        var time = new FakeTimeProvider(Start);
        var engine = new ReconcilingEngine(time) { Behaviour = _ => throw new InvalidOperationException("cloud metadata unreadable") };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, Nightly, time);
        var worker = server.Get<VerificationWorker>();
        await worker.Scheduled.WaitForAsync(1, Ct);

        time.Advance(TimeSpan.FromMinutes(30));
        await worker.Runs.WaitForAsync(1, Ct);
        await worker.Scheduled.WaitForAsync(2, Ct);

        worker.State.LastRun.ShouldNotBeNull().Result.ShouldBe("failed");
        worker.State.LastRun!.Message.ShouldBe("cloud metadata unreadable");
        server.LogCapture.Logs.ShouldContain(l => l.Level == LogLevel.Error && l.Message.StartsWith("Scheduled verification failed: cloud metadata unreadable", StringComparison.Ordinal));
        (await server.EnqueueAsync("cloud", "Customer", "Still-served")).ShouldBeGreaterThan(0);

        engine.Behaviour = _ => Task.FromResult(new SyncSummary());
        time.Advance(TimeSpan.FromDays(1));
        await worker.Runs.WaitForAsync(2, Ct);
        worker.State.LastRun!.Result.ShouldBe("completed");
    }

    [Fact]
    public async Task Worker_ScheduleOff_NeverRuns()
    {
        var time = new FakeTimeProvider(Start);
        var engine = new ReconcilingEngine(time);
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { Verification = new VerificationOptions { NextRun = null } }, time);
        var worker = server.Get<VerificationWorker>();
        await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        time.Advance(TimeSpan.FromDays(2));

        engine.Runs.ShouldBeEmpty();
        worker.State.Schedule.ShouldBe("off");
        server.LogCapture.Logs.ShouldContain(l => l.Message.StartsWith("Scheduled verification is off", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-22T01:30:00Z", "2026-11-22T02:00:00Z")]
    [InlineData("2026-11-22T02:00:00Z", "2026-11-23T02:00:00Z")]
    [InlineData("2026-11-22T23:59:00Z", "2026-11-23T02:00:00Z")]
    public void DailyAt_After_IsTheNextTwoOClock(string after, string expected) =>
        VerificationOptions.DailyAt(new TimeOnly(2, 0))(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc)
            .ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
}
