using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>Changes whose webhooks never arrive are found by the sweep.</summary>
public sealed class SweepCatchUpTests(SweepCatchUpTests.SweepingFixture fixture) : IClassFixture<SweepCatchUpTests.SweepingFixture>
{
    public sealed class SweepingFixture : LiveSyncFixture
    {
        // The production overlap: each pass re-reads the last two minutes and skips what the store already holds.
        internal override ServerOptions Configure(ServerOptions options) =>
            options with { SweepInterval = TimeSpan.FromMilliseconds(500), SweepOverlap = new ServerOptions().SweepOverlap };
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private LiveSync Live => fixture.Live;

    [Fact]
    public async Task Sweep_WebhooksDropped_InsertsAndEditsStillArrive()
    {
        Live.Sites.Cloud.Faults.DropWebhooks = 1.0;
        Live.Sites.Local.Faults.DropWebhooks = 1.0;
        try
        {
            var cloudName = LiveSync.CreateCustomer(Live.Sites.Cloud, "Unheard Cloud");
            var localName = LiveSync.CreateCustomer(Live.Sites.Local, "Unheard Local");

            await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Unheard Cloud").Count == 1, Timeout, () => "cloud's customer on local");
            await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Cloud, "Unheard Local").Count == 1, Timeout, () => "local's customer on cloud");

            Live.Sites.Cloud.Backdoor.Update(LiveSync.DocType, cloudName, new JsonObject { ["customer_group"] = "Commercial" });
            await Eventually.WaitAsync(() => LiveSync.Text(LiveSync.Customers(Live.Sites.Local, "Unheard Cloud").Single(), "customer_group") == "Commercial",
                Timeout, () => "the edit on local");
            Live.Sites.Cloud.Backdoor.WebhookDeliveries.Where(d => d.DocName == cloudName).ShouldAllBe(d => d.Dropped);
            Live.Sites.Local.Backdoor.Get(LiveSync.DocType, localName).ShouldNotBeNull();
        }
        finally
        {
            Live.Sites.Cloud.Faults.DropWebhooks = 0;
            Live.Sites.Local.Faults.DropWebhooks = 0;
        }
    }

    [Fact]
    public async Task Sweep_DbSetChangeWithoutWebhook_Arrives()
    {
        var cloudName = LiveSync.CreateCustomer(Live.Sites.Cloud, "Quiet Change");
        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Quiet Change").Count == 1, Timeout, () => "the customer on local");

        // Server-side db_set: no webhook at all, only `modified` moves.
        Live.Sites.Cloud.Backdoor.SetValue(LiveSync.DocType, cloudName, "customer_group", "Government", updateModified: true);

        await Eventually.WaitAsync(() => LiveSync.Text(LiveSync.Customers(Live.Sites.Local, "Quiet Change").Single(), "customer_group") == "Government",
            Timeout, () => "the db_set value on local");
        var status = await Live.Http.GetFromJsonAsync<JsonObject>("status", TestContext.Current.CancellationToken);
        ((long)status!["sweep"]!["passes"]!).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Sweep_DeletionWithoutWebhook_RemovesTheCopy()
    {
        var cloudName = LiveSync.CreateCustomer(Live.Sites.Cloud, "Silent Delete");
        await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Silent Delete").Count == 1, Timeout, () => "the customer on local");
        await Live.WaitForQuietAsync(Timeout);

        Live.Sites.Cloud.Faults.DropWebhooks = 1.0;
        try
        {
            using var client = Live.Sites.Cloud.CreateClient();
            (await client.DeleteAsync($"api/resource/Customer/{cloudName}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

            await Eventually.WaitAsync(() => LiveSync.Customers(Live.Sites.Local, "Silent Delete").Count == 0, Timeout, () => "the copy deleted on local");
        }
        finally
        {
            Live.Sites.Cloud.Faults.DropWebhooks = 0;
        }
    }
}
