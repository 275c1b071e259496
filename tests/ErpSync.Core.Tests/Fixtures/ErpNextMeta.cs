using ErpSync.Core.Sites;

namespace ErpSync.Core.Tests.Fixtures;

/// <summary>DocType metadata shaped like ERPNext v14's Customer, Item, Sales Order and Payment Entry (trimmed).</summary>
internal static class ErpNextMeta
{
    public static FieldMeta F(string fieldname, string fieldtype, string? options = null, bool readOnly = false, bool allowOnSubmit = false, bool reqd = false, string? fetchFrom = null) =>
        new() { Fieldname = fieldname, Fieldtype = fieldtype, Options = options, ReadOnly = readOnly, AllowOnSubmit = allowOnSubmit, Reqd = reqd, FetchFrom = fetchFrom, Label = fieldname };

    public static DocTypeMeta CustomerCreditLimit { get; } = new()
    {
        Name = "Customer Credit Limit",
        IsTable = true,
        Fields = [F("company", "Link", "Company", reqd: true), F("credit_limit", "Currency"), F("bypass_credit_limit_check", "Check")],
    };

    public static DocTypeMeta Customer { get; } = new()
    {
        Name = "Customer",
        Autoname = "naming_series:",
        Fields =
        [
            F("basic_info", "Section Break"),
            F("naming_series", "Select", "CUST-.YYYY.-"),
            F("customer_name", "Data", reqd: true),
            F("customer_type", "Select", "Company\nIndividual"),
            F("customer_group", "Link", "Customer Group"),
            F("territory", "Link", "Territory"),
            F("column_break0", "Column Break"),
            F("default_currency", "Link", "Currency"),
            F("tax_id", "Data"),
            F("disabled", "Check"),
            F("is_frozen", "Check"),
            F("website", "Data"),
            F("customer_details", "Text"),
            F("credit_limits", "Table", "Customer Credit Limit"),
            F("api_password", "Password"),
        ],
        Children = new Dictionary<string, DocTypeMeta> { ["Customer Credit Limit"] = CustomerCreditLimit },
    };

    public static DocTypeMeta ItemBarcode { get; } = new()
    {
        Name = "Item Barcode",
        IsTable = true,
        Fields = [F("barcode", "Data"), F("barcode_type", "Select", "\nEAN\nUPC-A")],
    };

    public static DocTypeMeta Item { get; } = new()
    {
        Name = "Item",
        Autoname = "field:item_code",
        Fields =
        [
            F("item_code", "Data", reqd: true),
            F("item_name", "Data"),
            F("item_group", "Link", "Item Group", reqd: true),
            F("stock_uom", "Link", "UOM"),
            F("is_stock_item", "Check"),
            F("disabled", "Check"),
            F("description", "Text Editor"),
            F("standard_rate", "Currency"),
            F("opening_stock", "Float"),
            F("shelf_life_in_days", "Int"),
            F("end_of_life", "Date"),
            F("variant_of", "Link", "Item"),
            F("image", "Attach Image"),
            F("barcodes", "Table", "Item Barcode"),
        ],
        Children = new Dictionary<string, DocTypeMeta> { ["Item Barcode"] = ItemBarcode },
    };

    public static DocTypeMeta SalesOrderItem { get; } = new()
    {
        Name = "Sales Order Item",
        IsTable = true,
        Fields =
        [
            F("item_code", "Link", "Item", reqd: true),
            F("item_name", "Data", fetchFrom: "item_code.item_name"),
            F("description", "Text Editor"),
            F("qty", "Float", reqd: true),
            F("uom", "Link", "UOM"),
            F("rate", "Currency"),
            F("amount", "Currency", readOnly: true),
            F("delivery_date", "Date", allowOnSubmit: true),
            F("warehouse", "Link", "Warehouse", allowOnSubmit: true),
            F("delivered_qty", "Float", readOnly: true),
        ],
    };

    public static DocTypeMeta SalesTeam { get; } = new()
    {
        Name = "Sales Team",
        IsTable = true,
        Fields = [F("sales_person", "Link", "Sales Person"), F("allocated_percentage", "Float", allowOnSubmit: true)],
    };

    public static DocTypeMeta SalesOrder { get; } = new()
    {
        Name = "Sales Order",
        Autoname = "naming_series:",
        IsSubmittable = true,
        Fields =
        [
            F("naming_series", "Select", "SAL-ORD-.YYYY.-", reqd: true),
            F("customer", "Link", "Customer", reqd: true),
            F("customer_name", "Data", readOnly: true, fetchFrom: "customer.customer_name"),
            F("transaction_date", "Date", reqd: true),
            F("delivery_date", "Date"),
            F("po_no", "Data", allowOnSubmit: true),
            F("currency", "Link", "Currency"),
            F("conversion_rate", "Float"),
            F("items_section", "Section Break"),
            F("items", "Table", "Sales Order Item", reqd: true),
            F("total_qty", "Float", readOnly: true),
            F("total", "Currency", readOnly: true),
            F("grand_total", "Currency", readOnly: true),
            F("status", "Select", "Draft\nTo Deliver and Bill\nCompleted\nCancelled", readOnly: true),
            F("per_delivered", "Percent", readOnly: true),
            F("terms", "Text Editor"),
            F("letter_head", "Link", "Letter Head", allowOnSubmit: true),
            F("sales_team", "Table", "Sales Team", allowOnSubmit: true),
            F("delivery_window", "Time"),
            F("expected_at", "Datetime"),
            F("amended_from", "Link", "Sales Order", readOnly: true),
        ],
        Children = new Dictionary<string, DocTypeMeta> { ["Sales Order Item"] = SalesOrderItem, ["Sales Team"] = SalesTeam },
    };

    public static DocTypeMeta PaymentEntryReference { get; } = new()
    {
        Name = "Payment Entry Reference",
        IsTable = true,
        Fields = [F("reference_doctype", "Link", "DocType"), F("reference_name", "Dynamic Link", "reference_doctype"), F("allocated_amount", "Currency")],
    };

    public static DocTypeMeta PaymentEntry { get; } = new()
    {
        Name = "Payment Entry",
        Autoname = "naming_series:",
        IsSubmittable = true,
        Fields =
        [
            F("naming_series", "Select", "ACC-PAY-.YYYY.-"),
            F("party_type", "Link", "DocType"),
            F("party", "Dynamic Link", "party_type"),
            F("paid_amount", "Currency"),
            F("references", "Table", "Payment Entry Reference"),
        ],
        Children = new Dictionary<string, DocTypeMeta> { ["Payment Entry Reference"] = PaymentEntryReference },
    };
}
