using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using static ErpSync.Core.Tests.Scenarios.ScenarioData;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>
/// ERPNext-like Sales Orders (naming series, a server that recomputes amounts and totals, submit/cancel/amend,
/// allow-on-submit fields) and their Customers and Items, one document at a time.
/// </summary>
public sealed class SalesOrderScenarios(ScenarioSites sites) : IClassFixture<ScenarioSites>
{
    private static readonly string[] Scope = ["Customer", "Item", "Sales Order"];

    private (string Customer, string Item) Masters(SiteName site)
    {
        var customer = Customer(sites.Db(site), Unique("Buyer"));
        var item = Item(sites.Db(site), Unique("ITEM").Replace(' ', '-'));
        return (customer, item);
    }

    private async Task<(string Cloud, string Local)> SyncedOrderAsync(ScenarioHarness harness)
    {
        var (customer, item) = Masters(SiteName.Cloud);
        var order = Name(SalesOrder(sites.CloudDb, customer, (item, 3, 10.5)));
        var outcome = await harness.SyncAsync("Sales Order", SiteName.Cloud, order);
        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        return (outcome.CloudName!, outcome.LocalName!);
    }

    [Fact]
    public async Task SyncDocument_OrderWhoseCustomerAndItemExistOnlyOnItsSite_SyncsThemFirstAndLinksTheCopies()
    {
        var (customer, item) = Masters(SiteName.Local);
        var order = Name(SalesOrder(sites.LocalDb, customer, (item, 2, 7.25)));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor(Scope));

        var outcome = await harness.SyncAsync("Sales Order", SiteName.Local, order);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        var customerPair = (await harness.RecordAsync("Customer", SiteName.Local, customer))!;
        customerPair.Status.ShouldBe(SyncStatus.Synced);
        sites.CloudDb.Exists("Customer", customerPair.CloudName!).ShouldBeTrue();
        sites.CloudDb.Exists("Item", item).ShouldBeTrue();
        var copy = sites.CloudDb.Get("Sales Order", outcome.CloudName!)!;
        Text(copy, "customer").ShouldBe(customerPair.CloudName);
        copy["items"]!.AsArray()[0]!["item_code"]!.GetValue<string>().ShouldBe(item);
        Number(copy, "grand_total").ShouldBe(14.5);
        (await harness.RecordAsync("Sales Order", SiteName.Local, order))!.Status.ShouldBe(SyncStatus.Synced);
    }

    [Fact]
    public async Task SyncDocument_CustomerOutOfScopeAndMissing_WaitsThenSyncsOnceItExists()
    {
        var customer = Customer(sites.CloudDb, Unique("Outsider"));
        var item = Item(sites.CloudDb, Unique("OOS").Replace(' ', '-'));
        Item(sites.LocalDb, item);
        var order = Name(SalesOrder(sites.CloudDb, customer, (item, 1, 5)));
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor(["Sales Order"]));

        var waiting = await harness.SyncAsync("Sales Order", SiteName.Cloud, order);

        waiting.Kind.ShouldBe(SyncOutcomeKind.Waiting);
        waiting.Message.ShouldBe($"missing dependency Customer/{customer}");
        waiting.IsTransient.ShouldBeTrue();
        var record = (await harness.RecordAsync("Sales Order", SiteName.Cloud, order))!;
        record.Status.ShouldBe(SyncStatus.Pending);
        record.ErrorMessage.ShouldBe($"missing dependency Customer/{customer}");
        record.LocalName.ShouldBeNull();
        sites.LocalDb.Query("Sales Order", "[\"name\"]", $"{{\"customer\": \"{customer}\"}}").ShouldBeEmpty();

        Customer(sites.LocalDb, customer).ShouldBe(customer);
        var synced = await harness.SyncAsync("Sales Order", SiteName.Cloud, order);

        synced.Kind.ShouldBe(SyncOutcomeKind.Applied, synced.Message);
        Text(sites.LocalDb.Get("Sales Order", synced.LocalName!), "customer").ShouldBe(customer);
        (await harness.RecordAsync("Sales Order", SiteName.Cloud, order))!.Status.ShouldBe(SyncStatus.Synced);
    }

    [Fact]
    public async Task SyncDocument_OrderSubmittedThenCancelledThenAmended_FollowsOnTheOtherSite()
    {
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor(Scope));
        var (cloudName, localName) = await SyncedOrderAsync(harness);
        Docstatus(sites.LocalDb.Get("Sales Order", localName)).ShouldBe(0);

        sites.CloudDb.Submit("Sales Order", cloudName);
        var submitted = await harness.SyncAsync("Sales Order", SiteName.Cloud, cloudName);
        submitted.Action.ShouldBe("submit");
        var local = sites.LocalDb.Get("Sales Order", localName)!;
        Docstatus(local).ShouldBe(1);
        Text(local, "status").ShouldBe("To Deliver and Bill");

        // Cancel and amend on cloud; only the amendment is synced: its original (and the cancel) goes first.
        sites.CloudDb.Cancel("Sales Order", cloudName);
        var amendment = sites.CloudDb.Get("Sales Order", cloudName)!;
        foreach (var key in new[] { "name", "docstatus", "status", "creation", "modified", "owner", "modified_by" })
            amendment.Remove(key);
        amendment["amended_from"] = cloudName;
        amendment["po_no"] = "PO-AMENDED";
        var amendedName = Name(sites.CloudDb.Insert("Sales Order", amendment));
        amendedName.ShouldBe(cloudName + "-1");

        var amended = await harness.SyncAsync("Sales Order", SiteName.Cloud, amendedName);

        amended.Kind.ShouldBe(SyncOutcomeKind.Applied, amended.Message);
        amended.Action.ShouldBe("amend");
        Docstatus(sites.LocalDb.Get("Sales Order", localName)).ShouldBe(2);
        amended.LocalName.ShouldBe(localName + "-1");
        var localAmendment = sites.LocalDb.Get("Sales Order", amended.LocalName!)!;
        Text(localAmendment, "amended_from").ShouldBe(localName);
        Text(localAmendment, "po_no").ShouldBe("PO-AMENDED");
        Docstatus(localAmendment).ShouldBe(0);
        (await harness.RecordAsync("Sales Order", SiteName.Cloud, cloudName))!.LocalDocstatus.ShouldBe(2);
        (await harness.LogsAsync("Sales Order")).Select(l => l.Action).ShouldContain("amend");
    }

    [Fact]
    public async Task SyncDocument_AllowOnSubmitFieldChangedOnSubmittedOrder_UpdatesTheSubmittedCopy()
    {
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor(Scope));
        var (cloudName, localName) = await SyncedOrderAsync(harness);
        sites.CloudDb.Submit("Sales Order", cloudName);
        (await harness.SyncAsync("Sales Order", SiteName.Cloud, cloudName)).Kind.ShouldBe(SyncOutcomeKind.Applied);
        sites.CloudDb.Update("Sales Order", cloudName, new JsonObject { ["po_no"] = "PO-4711" });

        var outcome = await harness.SyncAsync("Sales Order", SiteName.Cloud, cloudName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        outcome.Action.ShouldBe("update");
        var local = sites.LocalDb.Get("Sales Order", localName)!;
        Text(local, "po_no").ShouldBe("PO-4711");
        Docstatus(local).ShouldBe(1);
        (await harness.RecordAsync("Sales Order", SiteName.Cloud, cloudName))!.Status.ShouldBe(SyncStatus.Synced);
    }

    [Fact]
    public async Task SyncDocument_DraftEditWhileTheOtherSideSubmitted_IsAConflictWithTheReasonNotARetryLoop()
    {
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor(Scope));
        var (cloudName, localName) = await SyncedOrderAsync(harness);
        sites.LocalDb.Submit("Sales Order", localName);
        sites.CloudDb.Update("Sales Order", cloudName, new JsonObject { ["terms"] = "Net 60" });

        var outcome = await harness.SyncAsync("Sales Order", SiteName.Cloud, cloudName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Conflict);
        outcome.Message!.ShouldContain($"local Sales Order {localName} is submitted; terms may not change after submit (not allow_on_submit)");
        var conflict = (await harness.ConflictsAsync("Sales Order")).Where(c => c.CloudName == cloudName).ShouldHaveSingleItem();
        conflict.Resolved.ShouldBeFalse();
        conflict.ConflictingFields.ShouldContain("terms");
        Docstatus(sites.LocalDb.Get("Sales Order", localName)).ShouldBe(1);
        Text(sites.LocalDb.Get("Sales Order", localName), "terms").ShouldBeNull();
        Docstatus(sites.CloudDb.Get("Sales Order", cloudName)).ShouldBe(0);
        (await harness.RecordAsync("Sales Order", SiteName.Cloud, cloudName))!.Status.ShouldBe(SyncStatus.Conflict);

        harness.ResetCounts();
        var again = await harness.SyncAsync("Sales Order", SiteName.Local, localName);
        again.Kind.ShouldBe(SyncOutcomeKind.Conflict);
        again.Message!.ShouldStartWith($"waits for conflict {conflict.Id} to be resolved");
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);
        (await harness.ConflictsAsync("Sales Order")).Count(c => c.CloudName == cloudName).ShouldBe(1);
    }

    [Fact]
    public async Task SyncDocument_ServerRecomputedTotals_DoNotPingPong()
    {
        await using var harness = await ScenarioHarness.StartAsync(sites, ScenarioHarness.RulesFor(Scope));
        var (cloudName, localName) = await SyncedOrderAsync(harness);
        Number(sites.LocalDb.Get("Sales Order", localName), "grand_total").ShouldBe(31.5);
        var items = sites.LocalDb.Get("Sales Order", localName)!["items"]!.DeepClone().AsArray();
        items[0]!["qty"] = 4;
        sites.LocalDb.Update("Sales Order", localName, new JsonObject { ["items"] = items });

        var outcome = await harness.SyncAsync("Sales Order", SiteName.Local, localName);
        harness.ResetCounts();
        var echo = await harness.SyncAsync("Sales Order", SiteName.Cloud, cloudName);
        var second = await harness.SyncAsync("Sales Order", SiteName.Local, localName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        Number(sites.CloudDb.Get("Sales Order", cloudName), "grand_total").ShouldBe(42);
        echo.Kind.ShouldBe(SyncOutcomeKind.Skipped, echo.Message);
        second.Kind.ShouldBe(SyncOutcomeKind.Skipped, second.Message);
        harness.Cloud.Writes.ShouldBe(0);
        harness.Local.Writes.ShouldBe(0);
    }

    [Fact]
    public async Task SyncDocument_DifferentItemRowsEditedOnBothSitesWithRowKeys_MergesRowByRowAndKeepsRowIdentity()
    {
        var rules = ScenarioHarness.RulesFor(Scope, perDocType: new Dictionary<string, Configuration.DocTypeRule>
        {
            ["Sales Order"] = new() { KeyFields = new Dictionary<string, IReadOnlyList<string>> { ["items"] = ["item_code"] } },
        });
        await using var harness = await ScenarioHarness.StartAsync(sites, rules);
        var (customer, first) = Masters(SiteName.Cloud);
        var second = Item(sites.CloudDb, Unique("ROW").Replace(' ', '-'));
        var created = await harness.SyncAsync("Sales Order", SiteName.Cloud, Name(SalesOrder(sites.CloudDb, customer, (first, 1, 10), (second, 1, 20))));
        var (cloudName, localName) = (created.CloudName!, created.LocalName!);
        var localRowNames = sites.LocalDb.Get("Sales Order", localName)!["items"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();
        var cloudItems = sites.CloudDb.Get("Sales Order", cloudName)!["items"]!.DeepClone().AsArray();
        cloudItems[0]!["qty"] = 5;
        sites.CloudDb.Update("Sales Order", cloudName, new JsonObject { ["items"] = cloudItems });
        var localItems = sites.LocalDb.Get("Sales Order", localName)!["items"]!.DeepClone().AsArray();
        localItems[1]!["qty"] = 3;
        sites.LocalDb.Update("Sales Order", localName, new JsonObject { ["items"] = localItems });

        var outcome = await harness.SyncAsync("Sales Order", SiteName.Cloud, cloudName);

        outcome.Kind.ShouldBe(SyncOutcomeKind.Applied, outcome.Message);
        outcome.Direction.ShouldBe("both");
        foreach (var document in new[] { sites.CloudDb.Get("Sales Order", cloudName)!, sites.LocalDb.Get("Sales Order", localName)! })
        {
            var rows = document["items"]!.AsArray();
            rows.Select(r => r!["qty"]!.GetValue<double>()).ShouldBe([5.0, 3.0]);
            Number(document, "grand_total").ShouldBe(110);
        }

        sites.LocalDb.Get("Sales Order", localName)!["items"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ShouldBe(localRowNames);
        (await harness.ConflictsAsync("Sales Order")).Where(c => c.CloudName == cloudName).ShouldBeEmpty();
    }
}
