using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Controllers.ErpNext;

/// <summary>
/// Payment Entry as ERPNext fills and checks it: party name, default accounts by payment type, received
/// amount, reference outstanding amounts and allocation; submitting or cancelling updates the referenced
/// invoices' outstanding amount and status directly (their <c>modified</c> changes, no webhook fires for them).
/// </summary>
internal sealed class PaymentEntryController : DocController
{
    public override void Validate(DocContext ctx, Doc doc, DocAction action)
    {
        if (action == DocAction.UpdateAfterSubmit)
            return;
        var type = doc.GetString("payment_type");
        var company = doc.GetString("company") is { } c ? ctx.Tx.Get("Company", c) : null;
        if (type is "Receive" or "Pay")
        {
            if (!PyConvert.Truthy(doc["party_type"]) || !PyConvert.Truthy(doc["party"]))
                throw Fail.Throw("Party is mandatory");
            var party = ctx.Tx.Get(doc.GetString("party_type")!, doc.GetString("party")!);
            doc["party_name"] = party?[doc.GetString("party_type") == "Supplier" ? "supplier_name" : "customer_name"] ?? doc["party"];
            doc["paid_from"] ??= type == "Receive" ? company?["default_receivable_account"] : company?["default_cash_account"];
            doc["paid_to"] ??= type == "Receive" ? company?["default_cash_account"] : company?["default_payable_account"];
        }

        doc["title"] ??= doc["party_name"] ?? doc["party"];
        doc["paid_from_account_currency"] = company?["default_currency"];
        doc["paid_to_account_currency"] = company?["default_currency"];
        if (PyConvert.Flt(doc["received_amount"]) == 0)
            doc["received_amount"] = doc["paid_amount"];
        foreach (var rate in new[] { "source_exchange_rate", "target_exchange_rate" })
        {
            if (PyConvert.Flt(doc[rate]) == 0)
                doc[rate] = 1.0;
        }

        doc["base_paid_amount"] = Money.Round(PyConvert.Flt(doc["paid_amount"]) * PyConvert.Flt(doc["source_exchange_rate"]));
        doc["base_received_amount"] = Money.Round(PyConvert.Flt(doc["received_amount"]) * PyConvert.Flt(doc["target_exchange_rate"]));
        var allocated = 0.0;
        foreach (var reference in doc.Table("references"))
        {
            var target = ctx.Tx.Get(reference.GetString("reference_doctype") ?? string.Empty, reference.GetString("reference_name") ?? string.Empty);
            if (target is not null)
            {
                reference["total_amount"] = target["grand_total"];
                reference["outstanding_amount"] = target.Values.ContainsKey("outstanding_amount") ? target["outstanding_amount"] : target["grand_total"];
                reference["due_date"] ??= target["due_date"];
            }

            var amount = PyConvert.Flt(reference["allocated_amount"]);
            if (amount > PyConvert.Flt(reference["outstanding_amount"]) && action != DocAction.Cancel)
                throw Fail.Throw($"Row #{PyConvert.Cint(reference["idx"])}: Allocated Amount cannot be greater than outstanding amount.");
            allocated += amount;
        }

        doc["total_allocated_amount"] = Money.Round(allocated);
        doc["unallocated_amount"] = Money.Round(PyConvert.Flt(doc["paid_amount"]) - allocated);
        doc["difference_amount"] = 0.0;
        doc["status"] = action == DocAction.Submit ? "Submitted" : "Draft";
    }

    public override void AfterSave(DocContext ctx, Doc doc, DocAction action)
    {
        if (action is not (DocAction.Submit or DocAction.Cancel))
            return;
        if (action == DocAction.Cancel)
            doc["status"] = "Cancelled";
        var sign = action == DocAction.Submit ? -1 : 1;
        foreach (var reference in doc.Table("references"))
        {
            if (reference.GetString("reference_doctype") != "Sales Invoice" || ctx.Tx.Get("Sales Invoice", reference.GetString("reference_name") ?? string.Empty) is not { } invoice)
                continue;
            var copy = invoice.Clone();
            var outstanding = Money.Round(PyConvert.Flt(copy["outstanding_amount"]) + (sign * PyConvert.Flt(reference["allocated_amount"])));
            copy["outstanding_amount"] = outstanding;
            copy["status"] = outstanding <= 0 ? "Paid" : outstanding < PyConvert.Flt(copy["rounded_total"] ?? copy["grand_total"]) ? "Partly Paid" : "Unpaid";
            copy["modified"] = ctx.Now;
            copy["modified_by"] = ctx.User;
            ctx.Tx.Put(copy);
        }
    }
}
