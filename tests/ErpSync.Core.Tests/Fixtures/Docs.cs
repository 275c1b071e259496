using System.Text.Json.Nodes;

namespace ErpSync.Core.Tests.Fixtures;

/// <summary>Documents as a Frappe v14 GET returns them (see transcripts 11 and 12).</summary>
internal static class Docs
{
    public static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    public static JsonObject SalesOrder(string name = "SAL-ORD-2026-00001", string customer = "CUST-2026-00001") => Parse($$"""
        {"name": "{{name}}", "owner": "Administrator", "creation": "2026-11-22 04:26:30.726203",
         "modified": "2026-11-22 04:26:30.726203", "modified_by": "Administrator", "docstatus": 0, "idx": 0,
         "naming_series": "SAL-ORD-.YYYY.-", "customer": "{{customer}}", "customer_name": "Acme Corp",
         "transaction_date": "2026-11-21", "delivery_date": "2026-11-30", "currency": "INR", "conversion_rate": 1.0,
         "total_qty": 3.0, "total": 45.5, "grand_total": 45.5, "status": "Draft", "per_delivered": 0.0,
         "terms": "Net 30", "doctype": "Sales Order",
         "items": [
           {"name": "ak1j5kfhdb", "owner": "Administrator", "creation": "2026-11-22 04:26:30.726203",
            "modified": "2026-11-22 04:26:30.726203", "modified_by": "Administrator", "docstatus": 0, "idx": 1,
            "item_code": "ITEM-001", "item_name": "Widget", "qty": 2.0, "uom": "Nos", "rate": 10.0, "amount": 20.0,
            "delivered_qty": 0.0, "parent": "{{name}}", "parentfield": "items", "parenttype": "Sales Order", "doctype": "Sales Order Item"},
           {"name": "ak1jj77cfg", "owner": "Administrator", "creation": "2026-11-22 04:26:30.726203",
            "modified": "2026-11-22 04:26:30.726203", "modified_by": "Administrator", "docstatus": 0, "idx": 2,
            "item_code": "ITEM-002", "item_name": "Gadget", "qty": 1.0, "uom": "Nos", "rate": 25.5, "amount": 25.5,
            "delivered_qty": 0.0, "parent": "{{name}}", "parentfield": "items", "parenttype": "Sales Order", "doctype": "Sales Order Item"}
         ],
         "sales_team": []}
        """);

    public static JsonObject Customer(string name = "CUST-2026-00001", string customerName = "Acme Corp") => Parse($$"""
        {"name": "{{name}}", "owner": "Administrator", "creation": "2026-11-22 04:27:01.820005",
         "modified": "2026-11-22 04:27:01.820005", "modified_by": "Administrator", "docstatus": 0, "idx": 0,
         "naming_series": "CUST-.YYYY.-", "customer_name": "{{customerName}}", "customer_type": "Company",
         "customer_group": "Commercial", "territory": "India", "default_currency": "INR", "disabled": 0, "is_frozen": 0,
         "doctype": "Customer", "credit_limits": [], "_user_tags": ",vip"}
        """);

    public static JsonObject Item(string code = "ITEM-001") => Parse($$"""
        {"name": "{{code}}", "owner": "Administrator", "creation": "2026-11-22 04:26:20.000000",
         "modified": "2026-11-22 04:26:20", "modified_by": "Administrator", "docstatus": 0, "idx": 0,
         "item_code": "{{code}}", "item_name": "Widget", "item_group": "Products", "stock_uom": "Nos",
         "is_stock_item": 1, "disabled": 0, "standard_rate": 10.0, "opening_stock": 0.0, "shelf_life_in_days": 0,
         "doctype": "Item", "barcodes": []}
        """);
}
