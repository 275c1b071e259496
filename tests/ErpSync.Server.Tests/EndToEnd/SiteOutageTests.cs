using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>A site that goes away for a while: the server backs off, loses nothing and finishes when it returns.</summary>
public sealed class SiteOutageTests(LiveSyncFixture fixture) : IClassFixture<LiveSyncFixture>
{
    private LiveSync Live => fixture.Live;

    [Fact]
    public async Task Sync_LocalDownForAWhile_ItemsBackOffAndCompleteWhenItReturns()
    {
        var ct = TestContext.Current.CancellationToken;
        var failuresBefore = FailureLogs();
        Live.Sites.Local.Faults.Down = true;
        for (var i = 0; i < 5; i++)
            LiveSync.CreateCustomer(Live.Sites.Cloud, $"Outage {i}");

        // Each item fails (the site drops connections), is put back with a retry time and is tried again.
        await Eventually.WaitAsync(() => FailureLogs() - failuresBefore >= 10, TimeSpan.FromSeconds(30), () => $"{FailureLogs() - failuresBefore} failed attempts");
        var status = await Live.Http.GetFromJsonAsync<JsonObject>("status", ct);
        ((long)status!["retrying_webhooks"]! + (long)status["processing_webhooks"]! + (long)status["pending_webhooks"]!).ShouldBeGreaterThan(0);
        ((long)status["dead_webhooks"]!).ShouldBe(0);
        LiveSync.Customers(Live.Sites.Local, "Outage ").ShouldBeEmpty();

        Live.Sites.Local.Faults.Down = false;

        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Outage ").Count >= 5, TimeSpan.FromSeconds(30), () => "all five on local");
        await Live.WaitForQuietAsync(TimeSpan.FromSeconds(30));
        LiveSync.Customers(Live.Sites.Local, "Outage ").Select(c => LiveSync.Text(c, "customer_name")).Order()
            .ShouldBe(Enumerable.Range(0, 5).Select(i => $"Outage {i}"));
        var stats = await Live.Database.Queue.GetStatsAsync(ct);
        stats.Dead.ShouldBe(0);
    }

    private int FailureLogs() => Live.Logs.Logs.Count(l => l.Category.EndsWith("QueueItemProcessor", StringComparison.Ordinal) && l.Message.Contains("not synced", StringComparison.Ordinal));
}
