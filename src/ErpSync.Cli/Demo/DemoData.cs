using System.Text.Json.Nodes;
using ErpSync.Emulator;

namespace ErpSync.Cli.Demo;

/// <summary>
/// Sample data as two real offices would have it: each site has its own customers, items and a sales order with
/// items; and a submitted Sales Invoice. Entered like a desk user would (validation, naming, totals).
/// </summary>
internal static class DemoData
{
    public const string CloudCustomer = "Ganesh Traders";
    public const string ConflictCustomer = "Kaveri Textiles";
    public const string LocalNewCustomer = "Isar Logistics";

    /// <summary>What was loaded, for the live part of the demo.</summary>
    /// <param name="CloudOrder">The cloud's draft Sales Order (submitted live later).</param>
    /// <param name="CloudDocuments">Documents created on the cloud.</param>
    /// <param name="LocalDocuments">Documents created on the local site.</param>
    public sealed record Loaded(string CloudOrder, int CloudDocuments, int LocalDocuments);

    public static Loaded Load(EmulatedSite cloud, EmulatedSite local)
    {
        var c = cloud.Backdoor;
        Customer(c, CloudCustomer, "Commercial");
        Customer(c, "Himalaya Foods", "Commercial");
        Customer(c, ConflictCustomer, "Commercial");
        Item(c, "TEA-ASSAM-500G", "Assam tea, 500 g");
        Item(c, "COFFEE-ARABICA-1KG", "Arabica coffee beans, 1 kg");
        Item(c, "SUGAR-5KG", "Cane sugar, 5 kg");
        var order = Order(c, "Sales Order", CloudCustomer, ("TEA-ASSAM-500G", 40, 210.0), ("SUGAR-5KG", 10, 265.0));
        var invoice = Order(c, "Sales Invoice", "Himalaya Foods", ("COFFEE-ARABICA-1KG", 12, 1150.0));
        c.Submit("Sales Invoice", invoice);

        var l = local.Backdoor;
        Customer(l, "Rhein Bakery", "Commercial");
        Customer(l, "Alpen Dairy", "Non Profit");
        Item(l, "FLOUR-TYPE550-25KG", "Wheat flour type 550, 25 kg");
        Item(l, "YEAST-500G", "Dry yeast, 500 g");
        Order(l, "Sales Order", "Rhein Bakery", ("FLOUR-TYPE550-25KG", 8, 1900.0), ("YEAST-500G", 20, 180.0));
        l.Submit("Sales Invoice", Order(l, "Sales Invoice", "Alpen Dairy", ("YEAST-500G", 50, 175.0)));
        return new Loaded(order, CloudDocuments: 9, LocalDocuments: 6);
    }

    public static string Customer(EmulatorBackdoor site, string name, string group) =>
        site.Insert("Customer", new JsonObject { ["customer_name"] = name, ["customer_group"] = group, ["territory"] = "India" })["name"]!.GetValue<string>();

    private static void Item(EmulatorBackdoor site, string code, string name) =>
        site.Insert("Item", new JsonObject { ["item_code"] = code, ["item_name"] = name, ["item_group"] = "Products", ["stock_uom"] = "Nos" });

    private static string Order(EmulatorBackdoor site, string docType, string customer, params (string Item, int Qty, double Rate)[] lines)
    {
        var document = new JsonObject
        {
            ["customer"] = customer,
            ["items"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["item_code"] = l.Item, ["qty"] = l.Qty, ["rate"] = l.Rate }).ToArray()),
        };
        if (docType == "Sales Order") document["delivery_date"] = "2099-12-31";
        return site.Insert(docType, document)["name"]!.GetValue<string>();
    }
}
