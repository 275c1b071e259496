using System.Text.Json.Nodes;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using ErpSync.Emulator;
using ErpSync.Frappe;
using ErpSync.Store;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Cli.Tests.Commands.Operations;

/// <summary>
/// <c>erpsync reset</c> forgets pairs; the next full sync must find the copies it made before (by name map, names
/// and content) instead of creating them again — on both sites, for field-named and naming-series DocTypes alike.
/// </summary>
public sealed class ResetThenSyncTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static readonly string[] DocTypes = ["Customer", "Item", "Sales Order"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("everything")]
    [InlineData("Sales Order")]
    public async Task Reset_ThenFullSync_CreatesNoDuplicateOnEitherSite(string scope)
    {
        using var state = new StateFolder();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var cloud = sites.Cloud.Backdoor;
        var local = sites.Local.Backdoor;
        var cloudCustomer = Name(cloud.Insert("Customer", new JsonObject { ["customer_name"] = $"Reset Buyer {tag}", ["customer_group"] = "Commercial", ["territory"] = "India" }));
        var localCustomer = Name(local.Insert("Customer", new JsonObject { ["customer_name"] = $"Reset Shop {tag}", ["customer_group"] = "Commercial", ["territory"] = "All Territories" }));
        Item(cloud, $"RST-C-{tag}");
        Item(local, $"RST-L-{tag}");
        // Each site numbers its own order from the same naming series: equal names, different orders.
        Order(cloud, cloudCustomer, $"RST-C-{tag}", 2, 10);
        Order(local, localCustomer, $"RST-L-{tag}", 5, 3);

        var first = await SyncAllAsync(state);
        first.Failed.ShouldBe(0);
        first.Conflicts.ShouldBe(0);
        var counts = Counts();
        var pairs = await PairsAsync(state);
        pairs.Count(p => p.DocType == "Sales Order" && p.Status == SyncStatus.Synced).ShouldBeGreaterThanOrEqualTo(2);

        var reset = scope == "everything"
            ? await state.RunAsync("reset", "--yes")
            : await state.RunAsync("reset", "--doctype", scope, "--yes");
        reset.ExitCode.ShouldBe(0, reset.ToString());
        (await PairsAsync(state)).Count.ShouldBeLessThan(pairs.Count);

        var second = await SyncAllAsync(state);

        second.Failed.ShouldBe(0, string.Join("; ", second.Outcomes.Select(o => $"{o.DocType} {o.CloudName}/{o.LocalName}: {o.Kind} {o.Message}")));
        second.Conflicts.ShouldBe(0);
        Counts().ShouldBe(counts, "no document was created again on either site");
        var repaired = await PairsAsync(state);
        repaired.Select(p => (p.DocType, p.CloudName, p.LocalName, p.Status)).Order()
            .ShouldBe(pairs.Select(p => (p.DocType, p.CloudName, p.LocalName, p.Status)).Order(), "every pair is re-established exactly as before");

        var third = await SyncAllAsync(state);
        third.Success.ShouldBe(0, "after re-pairing, nothing is left to write");
        Counts().ShouldBe(counts);
    }

    private (int, int, int, int, int, int) Counts()
    {
        var cloud = sites.Cloud.Backdoor;
        var local = sites.Local.Backdoor;
        return (cloud.Count("Customer"), local.Count("Customer"), cloud.Count("Item"), local.Count("Item"), cloud.Count("Sales Order"), local.Count("Sales Order"));
    }

    private async Task<SyncSummary> SyncAllAsync(StateFolder state)
    {
        using var cloud = Client(SiteName.Cloud, sites.Cloud);
        using var local = Client(SiteName.Local, sites.Local);
        await using var db = await StateDatabase.OpenAsync(state.DatabasePath, TimeProvider.System, null, Ct);
        var rules = new SyncRules { DocTypes = DocTypes, ConflictResolution = ConflictStrategy.Manual };
        var engine = new SyncEngine(cloud, local, db.Store, db.Locks, rules, TimeProvider.System);
        return await engine.SyncAllAsync(SyncRunOptions.Default, null, Ct);
    }

    private static async Task<List<SyncRecord>> PairsAsync(StateFolder state)
    {
        await using var db = await StateDatabase.OpenAsync(state.DatabasePath, TimeProvider.System, null, Ct);
        var records = new List<SyncRecord>();
        foreach (var docType in DocTypes)
        {
            await foreach (var record in db.Store.ListRecordsAsync(docType, Ct))
                records.Add(record);
        }

        return records;
    }

    private static FrappeSiteClient Client(SiteName site, EmulatedSite emulated) => FrappeSiteClient.Create(new FrappeSiteOptions
    {
        Site = site,
        BaseUrl = emulated.BaseUrl,
        ApiKey = emulated.ApiKey,
        ApiSecret = emulated.ApiSecret,
        RequestTimeout = TimeSpan.FromSeconds(20),
        Retry = new RetryRules { MaxAttempts = 1, BackoffSeconds = 0 },
    });

    private static void Item(EmulatorBackdoor db, string code) =>
        db.Insert("Item", new JsonObject { ["item_code"] = code, ["item_group"] = "Products" });

    private static void Order(EmulatorBackdoor db, string customer, string item, double qty, double rate) =>
        db.Insert("Sales Order", new JsonObject
        {
            ["customer"] = customer,
            ["delivery_date"] = "2099-01-31",
            ["items"] = new JsonArray { new JsonObject { ["item_code"] = item, ["qty"] = qty, ["rate"] = rate } },
        });

    private static string Name(JsonObject document) => document["name"]!.GetValue<string>();
}
