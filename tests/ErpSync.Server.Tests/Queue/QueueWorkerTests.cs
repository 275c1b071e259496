using System.Net;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using ErpSync.Server.Tests.Support;
using ErpSync.Server.Webhooks;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Server.Tests.Queue;

public sealed class QueueWorkerTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Worker_TransientFailureThenSuccess_RetriesWithBackoffAndCompletes()
    {
        var engine = new FakeSyncEngine
        {
            Behaviour = (call, _) => Task.FromResult(call.Number == 1
                ? FakeSyncEngine.Outcome(call, SyncOutcomeKind.Failed, "local site unreachable", transient: true)
                : FakeSyncEngine.Applied(call)),
        };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine);

        await server.EnqueueAsync("cloud", "Customer", "Acme");
        var recorded = await server.WaitForRecordedCountAsync(2);

        recorded.Select(r => r.Outcome.Kind).ShouldBe([SyncOutcomeKind.Failed, SyncOutcomeKind.Applied]);
        recorded[1].Item.Attempts.ShouldBe(2);
        (await server.QueueRowsAsync()).ShouldHaveSingleItem().ShouldBe((recorded[0].Item.Id, "Acme", "processed", 2, null));
        (await server.Http.GetStringAsync("metrics", Ct)).ShouldContain("erpsync_server_retries_total{doctype=\"Customer\",reason=\"transient\"} 1");
    }

    [Fact]
    public async Task Worker_PermanentFailure_DeadLettersAfterMaxAttemptsWithTheReason()
    {
        var engine = new FakeSyncEngine
        {
            Behaviour = (call, _) => Task.FromResult(FakeSyncEngine.Outcome(call, SyncOutcomeKind.Failed, "LinkValidationError: Could not find Customer Group: Retail")),
        };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine);

        await server.EnqueueAsync("local", "Customer", "Acme");
        await server.WaitForRecordedCountAsync(3);

        var row = (await server.QueueRowsAsync()).ShouldHaveSingleItem();
        row.Status.ShouldBe("dead");
        row.Attempts.ShouldBe(3);
        row.Error.ShouldNotBeNull().ShouldContain("Could not find Customer Group: Retail");
        row.Error.ShouldContain("dead-lettered after 3 attempt(s)");
        engine.Calls.Count.ShouldBe(3);
        server.LogCapture.Logs.ShouldContain(l => l.Message.Contains("Customer Acme from local dead-lettered after 3 attempt(s)", StringComparison.Ordinal));
        (await server.Http.GetStringAsync("metrics", Ct)).ShouldContain("erpsync_server_dead_letters_total{doctype=\"Customer\"} 1");
    }

    [Fact]
    public async Task Worker_WaitingOnDependency_RetriedUntilItAppears()
    {
        var engine = new FakeSyncEngine
        {
            Behaviour = (call, _) => Task.FromResult(call.Number < 3
                ? FakeSyncEngine.Outcome(call, SyncOutcomeKind.Waiting, "missing dependency Customer/Acme", transient: true)
                : FakeSyncEngine.Applied(call)),
        };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { Retry = new() { MaxAttempts = 5, BackoffSeconds = 0.01 } });

        await server.EnqueueAsync("cloud", "Sales Order", "SO-1");
        var recorded = await server.WaitForRecordedCountAsync(3);

        recorded.Select(r => r.Outcome.Kind).ShouldBe([SyncOutcomeKind.Waiting, SyncOutcomeKind.Waiting, SyncOutcomeKind.Applied]);
        (await server.QueueRowsAsync()).ShouldHaveSingleItem().Status.ShouldBe("processed");
        (await server.Http.GetStringAsync("metrics", Ct)).ShouldContain("erpsync_server_retries_total{doctype=\"Sales Order\",reason=\"waiting\"} 2");
    }

    [Fact]
    public async Task Worker_Conflict_CompletesWithoutRetry()
    {
        var engine = new FakeSyncEngine { Behaviour = (call, _) => Task.FromResult(FakeSyncEngine.Outcome(call, SyncOutcomeKind.Conflict, "customer_name changed on both sites")) };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine);

        await server.EnqueueAsync("cloud", "Customer", "Acme");
        await server.WaitForRecordedCountAsync(1);

        (await server.QueueRowsAsync()).ShouldHaveSingleItem().Status.ShouldBe("processed");
        engine.Calls.Count.ShouldBe(1);
        (await server.Http.GetStringAsync("metrics", Ct)).ShouldContain("erpsync_server_conflicts_total{doctype=\"Customer\"} 1");
    }

    [Fact]
    public async Task Worker_EngineThrows_RetriedAsTransientAndLogged()
    {
        var engine = new FakeSyncEngine
        {
            Behaviour = (call, _) => call.Number == 1 ? throw new InvalidOperationException("bug in a planner") : Task.FromResult(FakeSyncEngine.Applied(call)),
        };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine);

        await server.EnqueueAsync("cloud", "Item", "ITEM-1");
        var recorded = await server.WaitForRecordedCountAsync(2);

        recorded[0].Outcome.Message.ShouldBe("InvalidOperationException: bug in a planner");
        recorded[1].Outcome.Kind.ShouldBe(SyncOutcomeKind.Applied);
        server.LogCapture.Logs.ShouldContain(l => l.Exception is InvalidOperationException && l.Message.Contains("Item ITEM-1 from cloud", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_StuckAndFailingDocuments_DoNotBlockOthers()
    {
        var stuck = new TaskCompletionSource<SyncOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeSyncEngine
        {
            Behaviour = (call, _) => call.Name switch
            {
                "Stuck" => stuck.Task,
                "Bad" => Task.FromResult(FakeSyncEngine.Outcome(call, SyncOutcomeKind.Failed, "ValidationError: bad")),
                _ => Task.FromResult(FakeSyncEngine.Applied(call)),
            },
        };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { Workers = 2 });

        await server.EnqueueAsync("cloud", "Customer", "Stuck");
        await engine.WaitForCallsAsync(1);
        await server.EnqueueAsync("cloud", "Customer", "Bad");
        for (var i = 0; i < 10; i++)
            await server.EnqueueAsync(i % 2 == 0 ? "cloud" : "local", "Customer", $"Good-{i}");

        var recorded = await server.WaitForRecordedAsync(r => r.Count(x => x.Outcome.Kind == SyncOutcomeKind.Applied) == 10 && r.Count(x => x.Item.DocName == "Bad") == 3);
        recorded.Where(r => r.Item.DocName == "Bad").Select(r => r.Outcome.Kind).ShouldAllBe(k => k == SyncOutcomeKind.Failed);

        stuck.SetResult(FakeSyncEngine.Applied(engine.Calls[0]));
        await server.WaitForRecordedAsync(r => r.Any(x => x.Item.DocName == "Stuck"));
        var rows = await server.QueueRowsAsync();
        rows.Count(r => r.Status == "processed").ShouldBe(11);
        rows.Single(r => r.DocName == "Bad").Status.ShouldBe("dead");
    }

    [Fact]
    public async Task Worker_ManyItems_RunsExactlyTheConfiguredNumberAtOnce()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeSyncEngine { Behaviour = async (call, _) => { await gate.Task; return FakeSyncEngine.Applied(call); } };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { Workers = 3 });

        for (var i = 0; i < 7; i++)
            await server.EnqueueAsync("cloud", "Item", $"I-{i}");
        await engine.WaitForCallsAsync(3);

        engine.MaxInFlight.ShouldBe(3);
        var status = await server.Http.GetStringAsync("status", Ct);
        status.ShouldContain("\"processing_webhooks\":3");
        status.ShouldContain("\"pending_webhooks\":4");
        gate.SetResult();
        await server.WaitForRecordedCountAsync(7);
        engine.MaxInFlight.ShouldBe(3);
    }

    [Fact]
    public async Task Worker_EventsForADocumentBeingSynced_WaitAndAreCoalescedIntoOneMorePass()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeSyncEngine
        {
            Behaviour = async (call, _) =>
            {
                if (call.Number == 1)
                    await first.Task;
                return FakeSyncEngine.Applied(call);
            },
        };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { Workers = 4 });

        await server.EnqueueAsync("cloud", "Customer", "Busy");
        await engine.WaitForCallsAsync(1);
        for (var i = 0; i < 5; i++)
            await server.EnqueueAsync("cloud", "Customer", "Busy");
        first.SetResult();
        await server.WaitForRecordedCountAsync(2);

        var stats = await server.Database.Queue.GetStatsAsync(Ct);
        (stats.Pending, stats.Processing, stats.Processed).ShouldBe((0, 0, 6));
        engine.Calls.Count.ShouldBe(2);
        engine.MaxConcurrentPerDocument.ShouldBe(1);
    }

    [Fact]
    public async Task Worker_ShutdownWhileAnItemRuns_RefusesNewWebhooksAndLetsItFinish()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeSyncEngine { Behaviour = async (call, _) => { await release.Task; return FakeSyncEngine.Applied(call); } };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { ShutdownGrace = TimeSpan.FromSeconds(20) });

        await server.EnqueueAsync("cloud", "Customer", "Slow");
        await engine.WaitForCallsAsync(1);
        var stop = server.StopAsync();
        await server.Get<IntakeGate>().Closed.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // A new connection, as Frappe opens for each delivery: the listener is still up while items drain.
        using (var fresh = new HttpClient { BaseAddress = server.BaseUrl })
        using (var late = await fresh.PostAsync("webhook/cloud", new StringContent("{\"doctype\": \"Customer\", \"name\": \"Late\"}"), Ct))
            late.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        stop.IsCompleted.ShouldBeFalse();
        release.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        (await server.QueueRowsAsync()).ShouldHaveSingleItem().ShouldBe((1, "Slow", "processed", 1, null));
    }

    [Fact]
    public async Task Worker_ItemOutlastsTheGracePeriod_IsHandedBackWithoutCountingTheAttempt()
    {
        var engine = new FakeSyncEngine { Behaviour = async (call, ct) => { await Task.Delay(Timeout.Infinite, ct); return FakeSyncEngine.Applied(call); } };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { ShutdownGrace = TimeSpan.FromMilliseconds(200) });

        await server.EnqueueAsync("local", "Customer", "Endless");
        await engine.WaitForCallsAsync(1);
        await server.StopAsync();

        (await server.QueueRowsAsync()).ShouldHaveSingleItem().ShouldBe((1, "Endless", "pending", 0, null));
        server.LogCapture.Logs.ShouldContain(l => l.Message.Contains("Handed Customer Endless from local back to the queue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_LongItem_KeepsItsLeaseSoNoOtherWorkerTakesIt()
    {
        var time = new ErpSync.TestKit.Time.FakeTimeProvider();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeSyncEngine { Behaviour = async (call, _) => { await release.Task; return FakeSyncEngine.Applied(call); } };
        ObservedStateDatabase? observed = null;
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { Lease = TimeSpan.FromSeconds(30) }, time,
            wrapDatabase: db => observed = new ObservedStateDatabase(db));

        await server.EnqueueAsync("cloud", "Customer", "Long");
        await engine.WaitForCallsAsync(1);
        time.Advance(TimeSpan.FromSeconds(10));
        (await observed!.Renewals.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldBeTrue();
        time.Advance(TimeSpan.FromSeconds(25));
        // 35 s after the claim: without the renewal the 30 s lease would have run out and this would take the item.
        (await server.Database.Queue.ClaimAsync("another-process", 10, TimeSpan.FromSeconds(30), Ct)).ShouldBeEmpty();
        release.SetResult();
        await server.WaitForRecordedCountAsync(1);
        engine.Calls.Count.ShouldBe(1);
        (await server.QueueRowsAsync()).ShouldHaveSingleItem().Status.ShouldBe("processed");
    }

    [Fact]
    public async Task Worker_ProcessCrashedMidItem_TakesItOverWhenTheLeaseExpires()
    {
        var time = new ErpSync.TestKit.Time.FakeTimeProvider();
        using var folder = new ErpSync.TestKit.Store.TemporaryDirectory();
        var path = Path.Combine(folder.Path, "state.db");
        await using (var crashed = await ErpSync.Store.StateDatabase.OpenAsync(path, time, null, Ct))
        {
            // A process that claimed the item and died: nobody completes or releases it.
            await crashed.Queue.EnqueueAsync(new NewQueueItem(SiteName.Cloud, "Customer", "Orphan", "on_update", "{}"), Ct);
            (await crashed.Queue.ClaimAsync("crashed-process", 1, TimeSpan.FromSeconds(30), Ct)).ShouldHaveSingleItem();
        }

        var engine = new FakeSyncEngine();
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { Lease = TimeSpan.FromSeconds(30) }, time, database: path);
        // The live lease keeps the worker off the item; it sleeps until the lease runs out.
        await server.Get<ErpSync.Server.Queue.QueueWorker>().WhenIdle.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        (await server.QueueRowsAsync()).ShouldHaveSingleItem().Status.ShouldBe("processing");
        engine.Calls.ShouldBeEmpty();
        time.Advance(TimeSpan.FromSeconds(31));

        var recorded = await server.WaitForRecordedCountAsync(1);
        recorded[0].Item.DocName.ShouldBe("Orphan");
        recorded[0].Item.Attempts.ShouldBe(2);
        (await server.QueueRowsAsync()).ShouldHaveSingleItem().Status.ShouldBe("processed");
    }
}
