using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Controllers.ErpNext;

/// <summary>Which ERPNext transaction a <see cref="TransactionController"/> plays.</summary>
internal enum TransactionKind
{
    SalesOrder,
    Quotation,
    SalesInvoice,
    DeliveryNote,
    PurchaseOrder,
}

/// <summary>
/// Selling and buying transactions as ERPNext's controllers leave them: party details filled from the
/// party, currency and price-list currency from the company and price list, item details from the Item,
/// and every amount and total recomputed (amount = qty × rate, rounded totals, words), plus the status the
/// document moves to on submit and cancel. A sync client must expect these server-side values.
/// </summary>
internal sealed class TransactionController(TransactionKind kind) : DocController
{
    private bool IsBuying => kind == TransactionKind.PurchaseOrder;

    public override void Validate(DocContext ctx, Doc doc, DocAction action)
    {
        // Update after submit runs before_update_after_submit, not validate: nothing is recomputed.
        if (action == DocAction.UpdateAfterSubmit)
            return;
        SetPartyDetails(ctx, doc);
        var company = doc.GetString("company") is { } c ? ctx.Tx.Get("Company", c) : null;
        if (!PyConvert.Truthy(doc["currency"]))
            doc["currency"] = company?["default_currency"];
        if (PyConvert.Flt(doc["conversion_rate"]) == 0)
            doc["conversion_rate"] = 1.0;
        var priceList = doc.GetString(IsBuying ? "buying_price_list" : "selling_price_list");
        if (priceList is not null && ctx.Tx.Get("Price List", priceList) is { } list)
            doc["price_list_currency"] = list["currency"];
        doc["price_list_currency"] ??= doc["currency"];
        if (PyConvert.Flt(doc["plc_conversion_rate"]) == 0)
            doc["plc_conversion_rate"] = 1.0;
        ValidateDates(ctx, doc);
        SetItemDetails(ctx, doc, company);
        CalculateTotals(ctx, doc);
        if (kind == TransactionKind.SalesInvoice)
        {
            doc["debit_to"] ??= company?["default_receivable_account"];
            if (doc.Docstatus == 0 || action == DocAction.Submit)
                doc["outstanding_amount"] = doc["rounded_total"] is double r && r != 0 ? r : doc["grand_total"];
        }

        doc["status"] = action == DocAction.Submit ? SubmittedStatus(ctx, doc) : "Draft";
        if (kind == TransactionKind.SalesOrder && action == DocAction.Submit)
        {
            doc["delivery_status"] = "Not Delivered";
            doc["billing_status"] = "Not Billed";
        }
    }

    public override void AfterSave(DocContext ctx, Doc doc, DocAction action)
    {
        if (action == DocAction.Cancel)
            doc["status"] = "Cancelled";
    }

    private string SubmittedStatus(DocContext ctx, Doc doc) => kind switch
    {
        TransactionKind.SalesOrder => "To Deliver and Bill",
        TransactionKind.PurchaseOrder => "To Receive and Bill",
        TransactionKind.Quotation => "Open",
        TransactionKind.DeliveryNote => "To Bill",
        _ => PyConvert.Flt(doc["outstanding_amount"]) <= 0 ? "Paid"
            : string.CompareOrdinal(doc.GetString("due_date") ?? ctx.Today, ctx.Today) < 0 ? "Overdue" : "Unpaid",
    };

    private void SetPartyDetails(DocContext ctx, Doc doc)
    {
        var (partyType, party, nameField) = kind switch
        {
            TransactionKind.PurchaseOrder => ("Supplier", doc.GetString("supplier"), "supplier_name"),
            TransactionKind.Quotation => (doc.GetString("quotation_to") ?? "Customer", doc.GetString("party_name"), "customer_name"),
            _ => ("Customer", doc.GetString("customer"), "customer_name"),
        };
        if (party is null || ctx.Tx.Get(partyType, party) is not { } partyDoc)
            return;
        if (PyConvert.Cint(partyDoc["disabled"]) == 1)
            throw Fail.Throw($"{partyType} {party} is disabled", "PartyDisabled");
        doc[nameField] = partyDoc[partyType == "Supplier" ? "supplier_name" : "customer_name"] ?? party;
        if (partyType == "Customer" && kind != TransactionKind.Quotation)
        {
            doc["customer_group"] ??= partyDoc["customer_group"];
            doc["territory"] ??= partyDoc["territory"];
        }
    }

    private void ValidateDates(DocContext ctx, Doc doc)
    {
        var items = doc.Table("items");
        switch (kind)
        {
            case TransactionKind.SalesOrder when doc.GetString("order_type") == "Sales":
                var latest = items.Select(i => i.GetString("delivery_date")).Where(d => !string.IsNullOrEmpty(d)).Max(StringComparer.Ordinal);
                if (latest is not null && doc.GetString("delivery_date") != latest)
                    doc["delivery_date"] = latest;
                if (doc.GetString("delivery_date") is not { Length: > 0 } delivery)
                    throw Fail.Throw("Please enter Delivery Date");
                foreach (var item in items)
                {
                    item["delivery_date"] ??= delivery;
                    if (string.CompareOrdinal(item.GetString("delivery_date"), doc.GetString("transaction_date")) < 0)
                        throw Fail.MsgprintRaise("Expected Delivery Date should be after Sales Order Date");
                }

                break;
            case TransactionKind.PurchaseOrder:
                var earliest = items.Select(i => i.GetString("schedule_date")).Where(d => !string.IsNullOrEmpty(d)).Min(StringComparer.Ordinal);
                if (earliest is not null)
                    doc["schedule_date"] = earliest;
                if (doc.GetString("schedule_date") is not { Length: > 0 } schedule)
                    throw Fail.Throw("Please enter Reqd by Date");
                foreach (var item in items)
                {
                    item["schedule_date"] ??= schedule;
                    if (string.CompareOrdinal(item.GetString("schedule_date"), doc.GetString("transaction_date")) < 0)
                        throw Fail.Throw($"Row #{PyConvert.Cint(item["idx"])}: Reqd by Date cannot be before Transaction Date");
                }

                break;
            case TransactionKind.SalesInvoice:
                doc["due_date"] ??= doc["posting_date"];
                if (string.CompareOrdinal(doc.GetString("due_date"), doc.GetString("posting_date")) < 0)
                    throw Fail.Throw("Due Date cannot be before Posting Date");
                break;
        }
    }

    private void SetItemDetails(DocContext ctx, Doc doc, Doc? company)
    {
        var rate = PyConvert.Flt(doc["conversion_rate"]);
        var defaultWarehouse = doc.GetString("set_warehouse") ?? (company?.GetString("abbr") is { } abbr ? $"Stores - {abbr}" : null);
        foreach (var row in doc.Table("items"))
        {
            var item = row.GetString("item_code") is { } code ? ctx.Tx.Get("Item", code) : null;
            if (item is not null)
            {
                row["item_name"] ??= item["item_name"];
                row["description"] ??= item["description"];
                row["stock_uom"] = item["stock_uom"];
                row["uom"] ??= item["stock_uom"];
                if (PyConvert.Cint(item["is_stock_item"]) == 1 && kind is not (TransactionKind.Quotation))
                    row["warehouse"] ??= defaultWarehouse;
            }

            if (kind == TransactionKind.SalesInvoice)
                row["income_account"] ??= company?["default_income_account"];
            if (PyConvert.Flt(row["conversion_factor"]) == 0)
                row["conversion_factor"] = 1.0;
            var qty = PyConvert.Flt(row["qty"]);
            var itemRate = PyConvert.Flt(row["rate"]);
            row["stock_qty"] = qty * PyConvert.Flt(row["conversion_factor"]);
            row["amount"] = Money.Round(qty * itemRate);
            row["base_rate"] = Money.Round(itemRate * rate);
            row["base_amount"] = Money.Round(qty * itemRate * rate);
            row["net_rate"] = itemRate;
            row["net_amount"] = row["amount"];
        }
    }

    private static void CalculateTotals(DocContext ctx, Doc doc)
    {
        var items = doc.Table("items");
        var rate = PyConvert.Flt(doc["conversion_rate"]);
        var total = Money.Round(items.Sum(i => PyConvert.Flt(i["amount"])));
        doc["total_qty"] = items.Sum(i => PyConvert.Flt(i["qty"]));
        doc["total"] = total;
        doc["net_total"] = total;
        doc["base_total"] = Money.Round(total * rate);
        doc["base_net_total"] = Money.Round(total * rate);
        doc["total_taxes_and_charges"] = 0.0;
        doc["grand_total"] = total;
        doc["base_grand_total"] = Money.Round(total * rate);
        var currency = doc.GetString("currency") is { } code ? ctx.Tx.Get("Currency", code) : null;
        var fraction = PyConvert.Flt(currency?["smallest_currency_fraction_value"]);
        var rounded = fraction > 0 ? Money.Round(Math.Round(total / fraction, MidpointRounding.ToEven) * fraction) : Math.Round(total, MidpointRounding.ToEven);
        doc["rounded_total"] = rounded;
        doc["base_rounded_total"] = Money.Round(rounded * rate);
        doc["rounding_adjustment"] = Money.Round(rounded - total);
        doc["in_words"] = Money.InWords(rounded, PyConvert.Cstr(doc["currency"]), currency?.GetString("fraction"));
    }
}
