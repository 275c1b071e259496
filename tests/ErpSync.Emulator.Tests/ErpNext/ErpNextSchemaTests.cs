using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.ErpNext;

public sealed class ErpNextSchemaTests(EmulatedSiteFixture fixture) : IClassFixture<EmulatedSiteFixture>
{
    private EmulatorBackdoor Site => fixture.Site.Backdoor;

    private string NewItem(string code)
    {
        if (!Site.Exists("Item", code))
            Site.Insert("Item", new JsonObject { ["item_code"] = code, ["item_group"] = "Products" });
        return code;
    }

    private string NewCustomer(string name) =>
        Site.Insert("Customer", new JsonObject { ["customer_name"] = name, ["customer_group"] = "Commercial", ["territory"] = "India" })["name"]!.GetValue<string>();

    [Theory]
    [InlineData("Customer Group", "Commercial")]
    [InlineData("Customer Group", "Individual")]
    [InlineData("Customer Group", "All Customer Groups")]
    [InlineData("Territory", "All Territories")]
    [InlineData("Item Group", "All Item Groups")]
    [InlineData("Item Group", "Products")]
    [InlineData("UOM", "Nos")]
    [InlineData("Company", "Emulated Company")]
    [InlineData("Warehouse", "Stores - EC")]
    [InlineData("Price List", "Standard Selling")]
    [InlineData("Currency", "INR")]
    public void FreshSite_DefaultMasters_Exist(string doctype, string name) => Site.Exists(doctype, name).ShouldBeTrue();

    [Fact]
    public void InsertCustomer_NameTaken_AddsNumberSuffixWithNote()
    {
        var first = NewCustomer("Suffix Traders");

        var second = NewCustomer("Suffix Traders");

        first.ShouldBe("Suffix Traders");
        second.ShouldBe("Suffix Traders - 1");
        Site.Get("Customer", second)!["customer_name"]!.GetValue<string>().ShouldBe("Suffix Traders");
    }

    [Fact]
    public void InsertItem_WithoutUoms_ServerAddsStockUomRow()
    {
        var item = Site.Insert("Item", new JsonObject { ["item_code"] = "UOM-ROW", ["item_group"] = "Products", ["stock_uom"] = "Kg" });

        item["item_name"]!.GetValue<string>().ShouldBe("UOM-ROW");
        var rows = item["uoms"]!.AsArray();
        rows.Count.ShouldBe(1);
        rows[0]!["uom"]!.GetValue<string>().ShouldBe("Kg");
        rows[0]!["conversion_factor"]!.GetValue<double>().ShouldBe(1.0);
    }

    [Fact]
    public void InsertSalesOrder_ItemRates_ServerRecomputesAmountsAndTotals()
    {
        var customer = NewCustomer("Totals Buyer");
        NewItem("TOTALS-A");
        NewItem("TOTALS-B");

        var order = Site.Insert("Sales Order", JsonNode.Parse($$"""
            {"customer": "{{customer}}", "delivery_date": "2099-01-31",
             "items": [{"item_code": "TOTALS-A", "qty": 3, "rate": 10.5, "amount": 1}, {"item_code": "TOTALS-B", "qty": 2, "rate": 0.25}]}
            """)!.AsObject());

        order["name"]!.GetValue<string>().ShouldStartWith("SAL-ORD-");
        var items = order["items"]!.AsArray();
        items[0]!["amount"]!.GetValue<double>().ShouldBe(31.5);
        items[1]!["amount"]!.GetValue<double>().ShouldBe(0.5);
        order["total"]!.GetValue<double>().ShouldBe(32.0);
        order["grand_total"]!.GetValue<double>().ShouldBe(32.0);
        order["total_qty"]!.GetValue<double>().ShouldBe(5.0);
        order["company"]!.GetValue<string>().ShouldBe("Emulated Company");
        order["currency"]!.GetValue<string>().ShouldBe("INR");
        order["customer_name"]!.GetValue<string>().ShouldBe(customer);
        order["status"]!.GetValue<string>().ShouldBe("Draft");
        items[0]!["warehouse"]!.GetValue<string>().ShouldBe("Stores - EC");
    }

    [Fact]
    public void SubmitAndCancelSalesOrder_StatusFollowsLifecycle()
    {
        var customer = NewCustomer("Lifecycle Buyer");
        NewItem("LIFE-1");
        var name = Site.Insert("Sales Order", JsonNode.Parse($$"""
            {"customer": "{{customer}}", "delivery_date": "2099-01-31", "items": [{"item_code": "LIFE-1", "qty": 1, "rate": 5}]}
            """)!.AsObject())["name"]!.GetValue<string>();

        var submitted = Site.Submit("Sales Order", name);
        var cancelled = Site.Cancel("Sales Order", name);

        submitted["status"]!.GetValue<string>().ShouldBe("To Deliver and Bill");
        submitted["docstatus"]!.GetValue<int>().ShouldBe(1);
        cancelled["status"]!.GetValue<string>().ShouldBe("Cancelled");
        cancelled["docstatus"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public void InsertSalesOrder_WithoutDeliveryDate_Refused()
    {
        var customer = NewCustomer("Dateless Buyer");
        NewItem("DATELESS-1");

        var error = Should.Throw<EmulatorRequestException>(() => Site.Insert("Sales Order", JsonNode.Parse($$"""
            {"customer": "{{customer}}", "items": [{"item_code": "DATELESS-1", "qty": 1, "rate": 5}]}
            """)!.AsObject()));

        error.Status.ShouldBe(417);
        error.Body.ShouldContain("Please enter Delivery Date");
    }

    [Fact]
    public void InsertSalesOrder_UnknownCustomer_LinkValidationError()
    {
        NewItem("NOCUST-1");

        var error = Should.Throw<EmulatorRequestException>(() => Site.Insert("Sales Order", JsonNode.Parse("""
            {"customer": "Nobody Ltd", "delivery_date": "2099-01-31", "items": [{"item_code": "NOCUST-1", "qty": 1, "rate": 5}]}
            """)!.AsObject()));

        error.Status.ShouldBe(417);
        error.Body.ShouldContain("\"exc_type\":\"LinkValidationError\"");
        error.Body.ShouldContain("Could not find Customer: Nobody Ltd");
    }

    [Fact]
    public void SubmitPaymentEntry_AgainstInvoice_UpdatesOutstandingWithoutWebhook()
    {
        var customer = NewCustomer("Paying Buyer");
        NewItem("PAY-1");
        var invoice = Site.Insert("Sales Invoice", JsonNode.Parse($$"""
            {"customer": "{{customer}}", "items": [{"item_code": "PAY-1", "qty": 4, "rate": 25}]}
            """)!.AsObject())["name"]!.GetValue<string>();
        Site.Submit("Sales Invoice", invoice);
        var modifiedBefore = Site.Get("Sales Invoice", invoice)!["modified"]!.GetValue<string>();
        var payment = Site.Insert("Payment Entry", JsonNode.Parse($$"""
            {"payment_type": "Receive", "party_type": "Customer", "party": "{{customer}}", "paid_amount": 40,
             "references": [{"reference_doctype": "Sales Invoice", "reference_name": "{{invoice}}", "allocated_amount": 40}]}
            """)!.AsObject())["name"]!.GetValue<string>();

        Site.Submit("Payment Entry", payment);

        var after = Site.Get("Sales Invoice", invoice)!;
        after["outstanding_amount"]!.GetValue<double>().ShouldBe(60.0);
        after["status"]!.GetValue<string>().ShouldBe("Partly Paid");
        after["modified"]!.GetValue<string>().ShouldNotBe(modifiedBefore);
        Site.Get("Payment Entry", payment)!["paid_to"]!.GetValue<string>().ShouldBe("Cash - EC");
    }

    [Fact]
    public void InsertWarehouse_PlainName_GetsCompanySuffix()
    {
        var warehouse = Site.Insert("Warehouse", new JsonObject { ["warehouse_name"] = "Annex", ["company"] = "Emulated Company" });

        warehouse["name"]!.GetValue<string>().ShouldBe("Annex - EC");
    }
}
