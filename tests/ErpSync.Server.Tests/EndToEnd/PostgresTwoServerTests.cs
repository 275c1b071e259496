using ErpSync.Core.Sites;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Store;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>Two server processes on one PostgreSQL database, both receiving every webhook.</summary>
public sealed class PostgresTwoServerTests(EmulatedSitePairFixture sites, PostgresTestDatabase postgres)
    : IClassFixture<EmulatedSitePairFixture>, IClassFixture<PostgresTestDatabase>
{
    private const int Documents = 80;

    [Fact]
    public async Task Serve_TwoProcessesOnPostgres_EachDocumentWrittenOnceAndNeverByBothAtOnce()
    {
        var database = await postgres.CreateSchemaAsync(TestContext.Current.CancellationToken);
        var (first, firstUrl) = await ServerProcess.StartAsync(sites.Pair, database);
        await using var firstProcess = first;
        var (second, secondUrl) = await ServerProcess.StartAsync(sites.Pair, database);
        await using var secondProcess = second;
        // Each site delivers every event to both servers: both race for every document.
        foreach (var url in new[] { firstUrl, secondUrl })
        {
            SiteWebhooks.Install(sites.Cloud, SiteName.Cloud, LiveSync.DocType, url, LiveSync.Secret);
            SiteWebhooks.Install(sites.Local, SiteName.Local, LiveSync.DocType, url, LiveSync.Secret);
        }

        var names = Enumerable.Range(0, Documents).Select(i => LiveSync.CreateCustomer(sites.Cloud, $"Shared {i:D3}")).ToList();
        // A few edits on the other side too, while the first wave is still being worked.
        await Eventually.WaitAsync(() => LiveSync.Customers(sites.Local, "Shared ").Count >= 10, TimeSpan.FromSeconds(60), () => "first copies on local");
        var edited = LiveSync.Customers(sites.Local, "Shared ").Take(5).Select(c => LiveSync.Text(c, "name")).ToList();
        foreach (var name in edited)
            sites.Local.Backdoor.Update(LiveSync.DocType, name, new System.Text.Json.Nodes.JsonObject { ["customer_group"] = "Commercial" });

        await Eventually.WaitAsync(async () => LiveSync.Customers(sites.Local, "Shared ").Count >= Documents && await ServerStatus.IsDrainedAsync(firstUrl),
            TimeSpan.FromSeconds(120), () => $"{LiveSync.Customers(sites.Local, "Shared ").Count} of {Documents} on local");
        await sites.Cloud.Backdoor.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await sites.Local.Backdoor.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => ServerStatus.IsDrainedAsync(firstUrl), TimeSpan.FromSeconds(60), () => "queue drained");

        var copies = LiveSync.Customers(sites.Local, "Shared ");
        copies.Count.ShouldBe(Documents);
        copies.Select(c => LiveSync.Text(c, "customer_name")).Distinct().Count().ShouldBe(Documents);
        LiveSync.Customers(sites.Cloud, "Shared ").Count.ShouldBe(Documents);
        foreach (var name in edited)
        {
            var cloudName = names.Single(n => LiveSync.Text(sites.Cloud.Backdoor.Get(LiveSync.DocType, n)!, "customer_name")
                                              == LiveSync.Text(sites.Local.Backdoor.Get(LiveSync.DocType, name)!, "customer_name"));
            LiveSync.Text(sites.Cloud.Backdoor.Get(LiveSync.DocType, cloudName)!, "customer_group").ShouldBe("Commercial");
        }

        var writes = first.Writes.Select(w => (Process: 1, w)).Concat(second.Writes.Select(w => (Process: 2, w))).ToList();
        // Each document was created on local exactly once, by one process or the other.
        writes.Count(w => w.w.Site == "local" && w.w.Operation == "insert").ShouldBe(Documents);
        // No document was written by both processes at overlapping times.
        foreach (var group in writes.GroupBy(w => (w.w.Site, w.w.Name)))
        {
            var ordered = group.OrderBy(w => w.w.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
                ordered[i].w.Start.ShouldBeGreaterThanOrEqualTo(ordered[i - 1].w.End, $"{group.Key} written by processes {ordered[i - 1].Process} and {ordered[i].Process} at once");
        }

        first.Items.ShouldBeGreaterThan(0, "the first process did no work");
        second.Items.ShouldBeGreaterThan(0, "the second process did no work");
        (await ServerStatus.DeadAsync(firstUrl)).ShouldBe(0);
    }
}
