using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Server.Sweep;
using ErpSync.Server.Tests.Support;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Server.Tests.Sweep;

public sealed class SweepWorkerTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _prefix = "SW-" + Guid.NewGuid().ToString("N")[..6] + "-";

    [Fact]
    public async Task Sweep_FirstPass_QueuesEveryDocumentTheStoreDoesNotKnowAndStoresTheCursor()
    {
        var (server, engine) = await StartAsync();
        await using var _ = server;
        var a = Insert(sites.Cloud, "A");
        var b = Insert(sites.Cloud, "B");
        var c = Insert(sites.Local, "C");

        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        await server.WaitForRecordedAsync(r => Ours(r).Count() >= 3);

        Ours(server.Recorded).Select(r => (r.Item.Source, r.Item.DocName, r.Item.Action))
            .ShouldBe([(SiteName.Cloud, a, "sweep"), (SiteName.Cloud, b, "sweep"), (SiteName.Local, c, "sweep")], ignoreOrder: true);
        var cursor = await server.Database.Store.GetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Modified, Ct);
        cursor.ShouldNotBeNull();
        string.CompareOrdinal(cursor.Timestamp, (string)sites.Cloud.Backdoor.Get("Customer", b)!["modified"]!).ShouldBeGreaterThanOrEqualTo(0);

        var before = engine.Calls.Count;
        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        engine.Calls.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Sweep_ChangeThatFiredNoWebhook_QueuedOnTheNextPass()
    {
        var (server, _) = await StartAsync();
        await using var __ = server;
        var a = Insert(sites.Cloud, "A");
        Insert(sites.Local, "B");
        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        await server.WaitForRecordedAsync(r => Ours(r).Count() >= 2);

        // db_set-style: a direct write that moves modified but sends no webhook.
        sites.Cloud.Backdoor.SetValue("Customer", a, "customer_name", _prefix + "A renamed", updateModified: true);
        await server.Get<SweepWorker>().SweepNowAsync(Ct);

        var recorded = await server.WaitForRecordedAsync(r => Ours(r).Count() >= 3);
        Ours(recorded).Last().Item.ShouldSatisfyAllConditions(i => i.DocName.ShouldBe(a), i => i.Source.ShouldBe(SiteName.Cloud));
        Ours(server.Recorded).Count().ShouldBe(3, string.Join(", ", Ours(server.Recorded).Select(r => $"{r.Item.Source}/{r.Item.DocName}/{r.Item.Action}/{r.Item.Payload}")));
    }

    [Fact]
    public async Task Sweep_DeletedDocumentRows_QueuedOnlyForDocumentsTheStoreKnows()
    {
        var (server, _) = await StartAsync();
        await using var __ = server;
        var known = Insert(sites.Local, "Known");
        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        await server.WaitForRecordedAsync(r => Ours(r).Any());
        var never = Insert(sites.Local, "Never");

        using var http = sites.Local.CreateClient();
        (await http.DeleteAsync($"api/resource/Customer/{Uri.EscapeDataString(known)}", Ct)).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"api/resource/Customer/{Uri.EscapeDataString(never)}", Ct)).EnsureSuccessStatusCode();
        await server.Get<SweepWorker>().SweepNowAsync(Ct);

        var recorded = await server.WaitForRecordedAsync(r => Ours(r).Any(x => x.Item.Action == "sweep_on_trash"));
        var deletion = Ours(recorded).Single(x => x.Item.Action == "sweep_on_trash");
        (deletion.Item.Source, deletion.Item.DocName).ShouldBe((SiteName.Local, known));
        Ours(server.Recorded).Where(x => x.Item.DocName == never).Select(x => x.Item.Action + " " + x.Item.Payload).ShouldBeEmpty();
        (await server.Database.Store.GetCursorAsync(SiteName.Local, "Customer", CursorKind.Deleted, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Sweep_DocumentCommittedBehindTheCursor_CaughtByTheOverlapWindow()
    {
        var (server, _) = await StartAsync();
        await using var __ = server;
        Insert(sites.Cloud, "First");
        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        await server.WaitForRecordedAsync(r => Ours(r).Any());
        var late = Insert(sites.Cloud, "Late");
        var lateModified = (string)sites.Cloud.Backdoor.Get("Customer", late)!["modified"]!;

        // As if the previous pass had read past this modified before the saving transaction committed.
        await server.Database.Store.SetCursorAsync(SiteName.Cloud, "Customer", CursorKind.Modified,
            new DocCursor(SweepTimestamp.Back(lateModified, TimeSpan.FromSeconds(-30)), "zzz"), Ct);
        await server.Get<SweepWorker>().SweepNowAsync(Ct);

        (await server.WaitForRecordedAsync(r => Ours(r).Any(x => x.Item.DocName == late))).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Sweep_PairLockedByAnotherProcess_SkipsItThisRoundAndCatchesUpLater()
    {
        var (server, engine) = await StartAsync();
        await using var __ = server;
        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        var held = await server.Database.Locks.AcquireAsync("sweep/cloud/Customer", Ct);
        var cloud = Insert(sites.Cloud, "Cloud");
        var local = Insert(sites.Local, "Local");

        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        await server.WaitForRecordedAsync(r => Ours(r).Any(x => x.Item.DocName == local));
        Ours(server.Recorded).ShouldNotContain(x => x.Item.DocName == cloud);

        await held.DisposeAsync();
        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        await server.WaitForRecordedAsync(r => Ours(r).Any(x => x.Item.DocName == cloud));
        engine.Calls.Count(c => c.Name == cloud).ShouldBe(1);
    }

    [Fact]
    public async Task Sweep_SiteDown_CountsTheFailureAndCatchesUpWhenItReturns()
    {
        var (server, _) = await StartAsync();
        await using var __ = server;
        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        var missed = Insert(sites.Local, "WhileDown");
        sites.Local.Faults.Down = true;
        try
        {
            await server.Get<SweepWorker>().SweepNowAsync(Ct);
            (await server.Http.GetStringAsync("metrics", Ct)).ShouldContain("erpsync_server_sweep_errors_total{doctype=\"Customer\",site=\"local\"}");
            Ours(server.Recorded).ShouldNotContain(x => x.Item.DocName == missed);
        }
        finally
        {
            sites.Local.Faults.Down = false;
        }

        // The circuit the failures opened lets a probe through after its short break (0.5 s in these tests);
        // until then passes fail fast, so pass again until one gets through.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while ((await server.Database.Store.FindRecordAsync("Customer", SiteName.Local, missed, Ct)) is null)
        {
            await server.Get<SweepWorker>().SweepNowAsync(deadline.Token);
            await server.WaitForQueueDrainedAsync();
        }

        Ours(server.Recorded).Count(x => x.Item.DocName == missed).ShouldBe(1);
    }

    private async Task<(ServerHarness Server, FakeSyncEngine Engine)> StartAsync()
    {
        var engine = new FakeSyncEngine();
        var server = await ServerHarness.StartAsync(sites.Pair, engine, o => o with { SweepInterval = TimeSpan.FromHours(1), DocTypes = ["Customer"] });
        engine.Behaviour = StoreRecordingBehaviour.For(server);
        // The pass every start makes is over before a test creates its documents.
        await server.Get<SweepWorker>().SweepNowAsync(Ct);
        await server.WaitForQueueDrainedAsync();
        return (server, engine);
    }

    private IEnumerable<RecordedItem> Ours(IEnumerable<RecordedItem> recorded) =>
        recorded.Where(r => r.Item.DocName.StartsWith(_prefix, StringComparison.Ordinal));

    private string Insert(ErpSync.Emulator.EmulatedSite site, string name) =>
        (string)site.Backdoor.Insert("Customer", new JsonObject { ["customer_name"] = _prefix + name, ["customer_group"] = "Commercial" })["name"]!;
}
