using ErpSync.Core.Sites;
using ErpSync.Core.State;
using static ErpSync.Core.Tests.Scenarios.ScenarioData;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>
/// Two fresh sites that each numbered their own first Sales Order SAL-ORD-YYYY-00001 and each have a different
/// customer called "Dup Buyer": a full sync must keep all four documents apart and translate every link.
/// </summary>
public sealed class NamingSeriesScenario(ScenarioSites sites) : IClassFixture<ScenarioSites>
{
    [Fact]
    public async Task SyncAll_SameSeriesNamesOnBothSitesMeanDifferentOrders_NoCollisionAndLinksTranslated()
    {
        var cloudCustomer = Customer(sites.CloudDb, "Dup Buyer", territory: "India");
        var localCustomer = Customer(sites.LocalDb, "Dup Buyer", territory: "All Territories");
        Item(sites.CloudDb, "NS-CLOUD");
        Item(sites.LocalDb, "NS-LOCAL");
        var cloudOrder = Name(SalesOrder(sites.CloudDb, cloudCustomer, ("NS-CLOUD", 2, 10)));
        var localOrder = Name(SalesOrder(sites.LocalDb, localCustomer, ("NS-LOCAL", 5, 3)));
        cloudOrder.ShouldBe(localOrder);
        cloudOrder.ShouldEndWith("-00001");
        // The user's order puts Sales Order first; the link graph puts its targets first.
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor(["Sales Order", "Customer", "Item"]));

        var summary = await harness.SyncAllAsync();

        summary.Failed.ShouldBe(0);
        summary.Conflicts.ShouldBe(0);
        sites.CloudDb.Count("Sales Order").ShouldBe(2);
        sites.LocalDb.Count("Sales Order").ShouldBe(2);
        sites.CloudDb.Count("Customer").ShouldBe(2);
        sites.LocalDb.Count("Customer").ShouldBe(2);

        var cloudCopyOfLocal = (await harness.RecordAsync("Customer", SiteName.Local, localCustomer))!.CloudName!;
        var localCopyOfCloud = (await harness.RecordAsync("Customer", SiteName.Cloud, cloudCustomer))!.LocalName!;
        cloudCopyOfLocal.ShouldBe("Dup Buyer - 1");
        localCopyOfCloud.ShouldBe("Dup Buyer - 1");

        var fromCloud = (await harness.RecordAsync("Sales Order", SiteName.Cloud, cloudOrder))!;
        var fromLocal = (await harness.RecordAsync("Sales Order", SiteName.Local, localOrder))!;
        fromCloud.Id.ShouldNotBe(fromLocal.Id);
        fromCloud.LocalName.ShouldEndWith("-00002");
        fromLocal.CloudName.ShouldEndWith("-00002");
        new[] { fromCloud, fromLocal }.ShouldAllBe(r => r.Status == SyncStatus.Synced);

        var localCopy = sites.LocalDb.Get("Sales Order", fromCloud.LocalName!)!;
        Text(localCopy, "customer").ShouldBe(localCopyOfCloud);
        Number(localCopy, "grand_total").ShouldBe(20);
        var cloudCopy = sites.CloudDb.Get("Sales Order", fromLocal.CloudName!)!;
        Text(cloudCopy, "customer").ShouldBe(cloudCopyOfLocal);
        Number(cloudCopy, "grand_total").ShouldBe(15);
        Text(sites.CloudDb.Get("Sales Order", cloudOrder), "customer").ShouldBe(cloudCustomer);
        Text(sites.LocalDb.Get("Sales Order", localOrder), "customer").ShouldBe(localCustomer);

        // Idempotence over server-computed totals: a second full sync reads the lists and changes nothing.
        harness.ResetCounts();
        var second = await harness.SyncAllAsync();
        second.Success.ShouldBe(0);
        second.Outcomes.ShouldBeEmpty();
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);
        harness.Cloud.Calls("get").ShouldBe(0);
        harness.Local.Calls("get").ShouldBe(0);
    }
}
