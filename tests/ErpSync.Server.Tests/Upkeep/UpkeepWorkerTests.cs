using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Server.Tests.Support;
using ErpSync.Server.Upkeep;
using ErpSync.Store;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Store;
using ErpSync.TestKit.Time;

namespace ErpSync.Server.Tests.Upkeep;

public sealed class UpkeepWorkerTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 1, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Heartbeat_WhileRunning_KeepsTheServerLiveAndLeavesOnStop()
    {
        var time = new FakeTimeProvider(Start);
        await using var server = await ServerHarness.StartAsync(sites.Pair, new FakeSyncEngine(),
            o => o with { Upkeep = new UpkeepOptions { HeartbeatInterval = TimeSpan.FromSeconds(30) } }, time);
        var heartbeat = server.Get<HeartbeatWorker>();
        await heartbeat.Beats.WaitForAsync(1, Ct);

        var live = (await server.Database.Servers.ListLiveAsync(Ct)).ShouldHaveSingleItem();
        live.Id.ShouldBe(heartbeat.Instance!.Id);
        live.ProcessId.ShouldBe(Environment.ProcessId);
        live.ExpiresAt.ShouldBe(Start + TimeSpan.FromSeconds(90));

        // Past the first beat's expiry: only the later beats keep the server live.
        for (var beat = 2; beat <= 4; beat++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await heartbeat.Beats.WaitForAsync(beat, Ct);
        }

        // The advance also triggers the next beat; wait for it so the record read below is not racing the write.
        time.Advance(TimeSpan.FromSeconds(30));
        await heartbeat.Beats.WaitForAsync(5, Ct);
        (await server.Database.Servers.ListLiveAsync(Ct)).ShouldHaveSingleItem().LastSeenAt.ShouldBe(Start + TimeSpan.FromSeconds(120));

        await server.StopAsync();

        (await server.Database.Servers.ListLiveAsync(Ct)).ShouldBeEmpty("a graceful stop removes the record at once");
        server.LogCapture.Logs.ShouldContain(l => l.Message == $"Unregistered {live.Id} from the state database");
    }

    [Fact]
    public async Task Heartbeat_OnStop_StaysUntilItemsInProgressAreDone()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeSyncEngine { Behaviour = async (call, _) => { await release.Task; return FakeSyncEngine.Applied(call); } };
        await using var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { ShutdownGrace = TimeSpan.FromSeconds(20) });
        await server.Get<HeartbeatWorker>().Beats.WaitForAsync(1, Ct);
        await server.EnqueueAsync("cloud", "Customer", "In-flight");
        await engine.WaitForCallsAsync(1);

        var stopping = server.StopAsync();
        // The queue workers drain in the host's "stopping" phase, before any service's StopAsync (where the
        // heartbeat leaves) runs.
        await WaitForLogAsync(server, "Stopping: waiting up to 20 s for 1 item(s) in progress");

        (await server.Database.Servers.ListLiveAsync(Ct)).ShouldHaveSingleItem("restore and reset must still see the server while it writes");
        release.SetResult();
        await stopping;
        (await server.Database.Servers.ListLiveAsync(Ct)).ShouldBeEmpty();
        (await server.QueueRowsAsync()).ShouldHaveSingleItem().Status.ShouldBe("processed");
    }

    private static async Task WaitForLogAsync(ServerHarness server, string message)
    {
        // The capture has no change signal; a short bounded poll is the least intrusive wait here.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!server.LogCapture.Logs.Any(l => l.Message == message))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"'{message}' was not logged");
            await Task.Delay(10, Ct);
        }
    }

    [Fact]
    public async Task Pruning_AtStartAndDaily_RemovesOnlyOldAuditRowsAndOldProcessedItems()
    {
        using var folder = new TemporaryDirectory();
        var path = Path.Combine(folder.Path, "state.db");
        var seedClock = new FakeTimeProvider(Start - TimeSpan.FromDays(100));
        var lease = TimeSpan.FromDays(400);
        var survivors = new List<long>();
        long youngProcessed;
        await using (var db = await StateDatabase.OpenAsync(path, seedClock, null, Ct))
        {
            // 100 days ago: a processed item, a dead one, one waiting for a retry, one leased, and audit rows.
            var done = await db.Queue.EnqueueAsync(Event("done-old"), Ct);
            var dead = await db.Queue.EnqueueAsync(Event("dead"), Ct);
            var retrying = await db.Queue.EnqueueAsync(Event("retrying"), Ct);
            var leased = await db.Queue.EnqueueAsync(Event("leased"), Ct);
            await db.Queue.ClaimAsync("crashed", 10, lease, Ct);
            await db.Queue.CompleteAsync(done, "crashed", Ct);
            await db.Queue.FailAsync(dead, "crashed", "rejected by the site", null, Ct);
            await db.Queue.FailAsync(retrying, "crashed", "timeout", seedClock.GetUtcNow() + lease, Ct);
            var pending = await db.Queue.EnqueueAsync(Event("pending"), Ct);
            var failedPair = new SyncRecord { DocType = "Customer", CloudName = "F-1", LocalName = "F-1", Status = SyncStatus.Failed };
            var logs = Enumerable.Range(0, 50).Select(i => new SyncLogEntry { DocType = "Customer", DocName = $"OLD-{i}", Action = "update", Direction = "cloud_to_local", Status = "success" }).ToList();
            await db.Store.CommitAsync(new SyncCommit(failedPair, logs), Ct);
            survivors.AddRange([dead, retrying, leased, pending]);

            // 29.5 days ago: a processed item and an audit row young enough to keep today.
            seedClock.Advance(TimeSpan.FromDays(70.5));
            var recent = await db.Queue.EnqueueAsync(Event("done-recent"), Ct);
            (await db.Queue.ClaimAsync("w2", 10, lease, Ct)).Select(i => i.Id).ShouldContain(recent);
            await db.Queue.CompleteAsync(recent, "w2", Ct);
            await db.Store.AppendLogAsync(new SyncLogEntry { DocType = "Customer", DocName = "RECENT", Action = "update", Direction = "cloud_to_local", Status = "success" }, Ct);
            youngProcessed = recent;
        }

        var time = new FakeTimeProvider(Start);
        await using var server = await ServerHarness.StartAsync(sites.Pair, new FakeSyncEngine(),
            o => o with { Workers = 1, Upkeep = new UpkeepOptions { LogsRetentionDays = 90, QueueRetentionDays = 30 } }, time, database: path);
        var pruning = server.Get<PruningWorker>();
        await pruning.Passes.WaitForAsync(1, Ct);

        pruning.LastResult.ShouldBe(new PruneResult(50, 1));
        var rows = await server.QueueRowsAsync();
        rows.Select(r => r.Id).Order().ShouldBe(survivors.Append(youngProcessed).Order(), "every unprocessed, failed or young item is kept");
        (await server.Database.Store.GetRecordAsync(1, Ct)).ShouldNotBeNull().Status.ShouldBe(SyncStatus.Failed);
        server.LogCapture.Logs.ShouldContain(l => l.Message == "Pruned 50 audit row(s) older than 90 days and 1 processed queue item(s) older than 30 days (0 days = kept forever)");

        time.Advance(TimeSpan.FromDays(1));
        await pruning.Passes.WaitForAsync(2, Ct);
        pruning.LastResult.ShouldBe(new PruneResult(0, 1), "a day later the processed item is 30.5 days old");
        (await server.QueueRowsAsync()).Select(r => r.Id).Order().ShouldBe(survivors.Order());
        (await server.Database.Store.QueryLogsAsync(new LogQuery(), Ct).ToListAsync(Ct)).ShouldContain(l => l.DocName == "RECENT");
    }

    private static NewQueueItem Event(string name) => new(SiteName.Cloud, "Customer", name, "on_update", "{}");
}
