using ErpSync.Core.Sites;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Store;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>The server process killed with SIGKILL in the middle of work, then started again on the same database.</summary>
public sealed class ServerCrashTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private const int Documents = 100;

    [Fact]
    public async Task Serve_KilledUnderLoadAndRestarted_EveryAcceptedEventAppliedExactlyOnce()
    {
        using var folder = new TemporaryDirectory();
        var database = Path.Combine(folder.Path, "state.db");
        var (first, firstUrl) = await ServerProcess.StartAsync(sites.Pair, database, leaseSeconds: 2);
        await using var firstProcess = first;
        var cloudHooks = SiteWebhooks.Install(sites.Cloud, SiteName.Cloud, LiveSync.DocType, firstUrl, LiveSync.Secret);
        var localHooks = SiteWebhooks.Install(sites.Local, SiteName.Local, LiveSync.DocType, firstUrl, LiveSync.Secret);
        // Every write to local takes a little while, so items are in flight when the process dies.
        sites.Local.Faults.Latency = TimeSpan.FromMilliseconds(10);
        try
        {
            var names = Enumerable.Range(0, Documents).Select(i => LiveSync.CreateCustomer(sites.Cloud, $"Crash {i:D3}")).ToList();
            await Eventually.WaitAsync(() => LiveSync.Customers(sites.Local, "Crash ").Count >= 30, TimeSpan.FromSeconds(60), () => "some progress before the kill");

            await first.KillAsync();
            var doneAtKill = LiveSync.Customers(sites.Local, "Crash ").Count;
            await sites.Cloud.Backdoor.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            // What the dead server had answered 200 for: those it promised to apply.
            var accepted = sites.Cloud.Backdoor.WebhookDeliveries.Where(d => d.Succeeded && names.Contains(d.DocName)).Select(d => d.DocName).ToHashSet();
            accepted.Count.ShouldBeGreaterThan(doneAtKill, "the kill came after all the work was done; nothing was left to recover");

            var (second, secondUrl) = await ServerProcess.StartAsync(sites.Pair, database, leaseSeconds: 2);
            await using var secondProcess = second;
            SiteWebhooks.Retarget(sites.Cloud, SiteName.Cloud, cloudHooks, secondUrl);
            SiteWebhooks.Retarget(sites.Local, SiteName.Local, localHooks, secondUrl);

            await Eventually.WaitAsync(async () => await ServerStatus.IsDrainedAsync(secondUrl)
                                                   && LiveSync.Customers(sites.Local, "Crash ").Count >= accepted.Count,
                TimeSpan.FromSeconds(90), () => $"{LiveSync.Customers(sites.Local, "Crash ").Count} of {accepted.Count} accepted on local; {second.Errors}");
            await sites.Local.Backdoor.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await Eventually.WaitAsync(() => ServerStatus.IsDrainedAsync(secondUrl), TimeSpan.FromSeconds(30), () => "the echoes processed");

            var copies = LiveSync.Customers(sites.Local, "Crash ");
            var cloudNames = names.ToDictionary(n => n, n => LiveSync.Text(sites.Cloud.Backdoor.Get(LiveSync.DocType, n)!, "customer_name"));
            foreach (var name in accepted)
                copies.Count(c => LiveSync.Text(c, "customer_name") == cloudNames[name]).ShouldBe(1, $"{name} ({cloudNames[name]}) on local");
            copies.Select(c => LiveSync.Text(c, "customer_name")).Distinct().Count().ShouldBe(copies.Count, "a document was created twice on local");
            LiveSync.Customers(sites.Cloud, "Crash ").Count.ShouldBe(Documents);
            (await ServerStatus.DeadAsync(secondUrl)).ShouldBe(0);
            second.Items.ShouldBeGreaterThan(0);
        }
        finally
        {
            sites.Local.Faults.Reset();
            SiteWebhooks.Disable(sites.Cloud, cloudHooks);
            SiteWebhooks.Disable(sites.Local, localHooks);
        }
    }

    [Fact]
    public async Task Serve_SigtermWithItemsInFlight_HandsThemBackAndTheNextStartFinishesThem()
    {
        using var folder = new TemporaryDirectory();
        var database = Path.Combine(folder.Path, "state.db");
        // No grace: items in progress are stopped at once and must be handed back, not left leased (the lease is long).
        var (first, firstUrl) = await ServerProcess.StartAsync(sites.Pair, database, leaseSeconds: 60, graceSeconds: 0);
        await using var firstProcess = first;
        var cloudHooks = SiteWebhooks.Install(sites.Cloud, SiteName.Cloud, LiveSync.DocType, firstUrl, LiveSync.Secret);
        var localHooks = SiteWebhooks.Install(sites.Local, SiteName.Local, LiveSync.DocType, firstUrl, LiveSync.Secret);
        sites.Local.Faults.Latency = TimeSpan.FromMilliseconds(150);
        try
        {
            for (var i = 0; i < 12; i++)
                LiveSync.CreateCustomer(sites.Cloud, $"Term {i:D2}");
            await sites.Cloud.Backdoor.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await Eventually.WaitAsync(() => first.Items > 0, TimeSpan.FromSeconds(60), () => "work under way");

            (await first.TerminateAsync()).ShouldBe(0, first.Errors);
            first.Lines.ShouldContain("stopped");
            await using (var state = await Store.StateDatabase.OpenAsync(database, TimeProvider.System, null, TestContext.Current.CancellationToken))
            {
                var stats = await state.Queue.GetStatsAsync(TestContext.Current.CancellationToken);
                stats.Processing.ShouldBe(0, "an item was left leased by the stopped server");
                (stats.Pending + stats.Retrying).ShouldBeGreaterThan(0, "everything was done before the stop; nothing was handed back");
            }

            sites.Local.Faults.Latency = TimeSpan.Zero;
            var (second, secondUrl) = await ServerProcess.StartAsync(sites.Pair, database, leaseSeconds: 60);
            await using var secondProcess = second;
            SiteWebhooks.Retarget(sites.Cloud, SiteName.Cloud, cloudHooks, secondUrl);
            SiteWebhooks.Retarget(sites.Local, SiteName.Local, localHooks, secondUrl);
            // Well inside the 60 s lease: only items handed back can be finished this soon.
            await Eventually.WaitAsync(async () => LiveSync.Customers(sites.Local, "Term ").Count >= 12 && await ServerStatus.IsDrainedAsync(secondUrl),
                TimeSpan.FromSeconds(30), () => $"{LiveSync.Customers(sites.Local, "Term ").Count} of 12 on local");
            var copies = LiveSync.Customers(sites.Local, "Term ");
            copies.Count.ShouldBe(12, "a document was created twice on local");
            copies.Select(c => LiveSync.Text(c, "customer_name")).Distinct().Count().ShouldBe(12);
        }
        finally
        {
            sites.Local.Faults.Reset();
            SiteWebhooks.Disable(sites.Cloud, cloudHooks);
            SiteWebhooks.Disable(sites.Local, localHooks);
        }
    }
}
