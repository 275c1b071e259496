using ErpSync.Emulator.Controllers.ErpNext;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Meta;

namespace ErpSync.Emulator.Seeding;

/// <summary>
/// The ERPNext-like part of a site: schema, controllers, global defaults and the master records a fresh
/// ERPNext v14 site has after its setup wizard (company "Emulated Company", INR, India).
/// </summary>
internal static class ErpNextSetup
{
    public const string Company = "Emulated Company";
    public const string Abbr = "EC";

    public static void Install(SiteRuntime site)
    {
        site.Controllers.Add("Customer", new PartyController("customer_name", suffixDuplicates: true));
        site.Controllers.Add("Supplier", new PartyController("supplier_name", suffixDuplicates: false));
        site.Controllers.Add("Item", new ItemController());
        site.Controllers.Add("Warehouse", new CompanySuffixController("warehouse_name"));
        site.Controllers.Add("Account", new CompanySuffixController("account_name", "account_number"));
        site.Controllers.Add("Sales Order", new TransactionController(TransactionKind.SalesOrder));
        site.Controllers.Add("Quotation", new TransactionController(TransactionKind.Quotation));
        site.Controllers.Add("Sales Invoice", new TransactionController(TransactionKind.SalesInvoice));
        site.Controllers.Add("Delivery Note", new TransactionController(TransactionKind.DeliveryNote));
        site.Controllers.Add("Purchase Order", new TransactionController(TransactionKind.PurchaseOrder));
        site.Controllers.Add("Payment Entry", new PaymentEntryController());
        SchemaLoader.Install(site, SchemaLoader.Embedded("ErpNext"));
        site.Defaults["company"] = Company;
        site.Defaults["currency"] = "INR";
        site.Write("Administrator", ctx =>
        {
            Seed(ctx);
            return 0;
        });
    }

    private static void Seed(DocContext ctx)
    {
        foreach (var module in new[] { "Selling", "Buying", "Accounts", "Stock" })
            Fixtures.Insert(ctx, "Module Def", "module_name", module, "app_name", "erpnext");
        foreach (var (code, symbol, fraction, smallest) in new[] { ("INR", "₹", "Paisa", 0.0), ("USD", "$", "Cent", 0.01), ("EUR", "€", "Cent", 0.01), ("GBP", "£", "Penny", 0.01) })
        {
            Fixtures.Insert(ctx, "Currency", "currency_name", code, "enabled", 1L, "symbol", symbol, "fraction", fraction, "fraction_units", 100L,
                "smallest_currency_fraction_value", smallest, "number_format", code == "INR" ? "#,##,###.##" : "#,###.##");
        }

        Fixtures.Insert(ctx, "Company", "company_name", Company, "abbr", Abbr, "default_currency", "INR", "country", "India",
            "default_receivable_account", $"Debtors - {Abbr}", "default_payable_account", $"Creditors - {Abbr}",
            "default_cash_account", $"Cash - {Abbr}", "default_income_account", $"Sales - {Abbr}");
        foreach (var (account, rootType, accountType) in new[]
        {
            ("Debtors", "Asset", "Receivable"), ("Creditors", "Liability", "Payable"), ("Cash", "Asset", "Cash"),
            ("Sales", "Income", "Income Account"), ("Cost of Goods Sold", "Expense", "Cost of Goods Sold"), ("Stock In Hand", "Asset", "Stock"),
        })
        {
            Fixtures.Insert(ctx, "Account", "name", $"{account} - {Abbr}", "account_name", account, "company", Company, "root_type", rootType,
                "account_type", accountType, "account_currency", "INR", "report_type", rootType is "Income" or "Expense" ? "Profit and Loss" : "Balance Sheet");
        }

        Fixtures.Insert(ctx, "Warehouse", "name", $"All Warehouses - {Abbr}", "warehouse_name", "All Warehouses", "company", Company, "is_group", 1L);
        foreach (var warehouse in new[] { "Stores", "Work In Progress", "Finished Goods", "Goods In Transit" })
            Fixtures.Insert(ctx, "Warehouse", "name", $"{warehouse} - {Abbr}", "warehouse_name", warehouse, "company", Company, "parent_warehouse", $"All Warehouses - {Abbr}");
        Tree(ctx, "Customer Group", "customer_group_name", "parent_customer_group", "All Customer Groups", "Commercial", "Government", "Individual", "Non Profit");
        Tree(ctx, "Supplier Group", "supplier_group_name", "parent_supplier_group", "All Supplier Groups",
            "Services", "Local", "Raw Material", "Electrical", "Hardware", "Pharmaceutical", "Distributor");
        Tree(ctx, "Territory", "territory_name", "parent_territory", "All Territories", "India", "Rest Of The World");
        Tree(ctx, "Item Group", "item_group_name", "parent_item_group", "All Item Groups", "Products", "Raw Material", "Services", "Sub Assemblies", "Consumable");
        foreach (var uom in new[] { "Unit", "Box", "Nos", "Pair", "Set", "Kg", "Gram", "Litre", "Meter", "Hour", "Day" })
            Fixtures.Insert(ctx, "UOM", "uom_name", uom, "must_be_whole_number", uom is "Unit" or "Box" or "Nos" or "Pair" or "Set" ? 1L : 0L);
        Fixtures.Insert(ctx, "Price List", "price_list_name", "Standard Buying", "currency", "INR", "buying", 1L);
        Fixtures.Insert(ctx, "Price List", "price_list_name", "Standard Selling", "currency", "INR", "selling", 1L);
        foreach (var (mode, type) in new[] { ("Cash", "Cash"), ("Bank Draft", "Bank"), ("Cheque", "Bank"), ("Credit Card", "Bank"), ("Wire Transfer", "Bank") })
            Fixtures.Insert(ctx, "Mode of Payment", "mode_of_payment", mode, "type", type);
    }

    private static void Tree(DocContext ctx, string doctype, string nameField, string parentField, string root, params string[] children)
    {
        Fixtures.Insert(ctx, doctype, nameField, root, "is_group", 1L);
        foreach (var child in children)
            Fixtures.Insert(ctx, doctype, nameField, child, parentField, root);
    }
}
