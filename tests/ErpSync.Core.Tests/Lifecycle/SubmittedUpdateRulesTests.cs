using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Lifecycle;

public sealed class SubmittedUpdateRulesTests
{
    private static readonly CanonicalDocument Current = Canon.Of(Docs.SalesOrder(), ErpNextMeta.SalesOrder);

    private static UpdateAdmission Admit(CanonicalDocument desired, int docstatus, ContentRules? rules = null) =>
        SubmittedUpdateRules.Admit(ErpNextMeta.SalesOrder, rules ?? ContentRules.None, Current, desired, docstatus, "local Sales Order SAL-ORD-2026-00001");

    private static CanonicalDocument EditRow(int index, string field, JsonNode value)
    {
        var content = Current.Content;
        content["items"]![index]![field] = value;
        return CanonicalDocument.FromContent(content);
    }

    [Fact]
    public void Admit_Draft_AcceptsEverything()
    {
        var admission = Admit(Current.With("grand_total", 1).With("customer", "X"), Docstatus.Draft);

        admission.IsAllowed.ShouldBeTrue();
        admission.Writable.ShouldBe(["customer", "grand_total"]);
    }

    [Fact]
    public void Admit_SubmittedAllowOnSubmitField_IsWritable()
    {
        var admission = Admit(Current.With("po_no", "PO-9"), Docstatus.Submitted);

        admission.IsAllowed.ShouldBeTrue();
        admission.Writable.ShouldBe(["po_no"]);
    }

    [Fact]
    public void Admit_SubmittedEditableField_IsRefusedWithAClearReason()
    {
        var admission = Admit(Current.With("terms", "Net 60").With("po_no", "PO-9"), Docstatus.Submitted);

        admission.IsAllowed.ShouldBeFalse();
        admission.Refused.ShouldBe(["terms"]);
        admission.Reason.ShouldBe("local Sales Order SAL-ORD-2026-00001 is submitted; terms may not change after submit (not allow_on_submit)");
    }

    [Fact]
    public void Admit_SubmittedReadOnlyComputedField_IsLeftToTheTarget()
    {
        var admission = Admit(Current.With("per_delivered", 50).With("status", "To Bill"), Docstatus.Submitted);

        admission.IsAllowed.ShouldBeTrue();
        admission.Writable.ShouldBeEmpty();
        admission.Derived.ShouldBe(["per_delivered", "status"]);
    }

    [Fact]
    public void Admit_SubmittedRowAllowOnSubmitField_WritesTheTable() =>
        Admit(EditRow(0, "warehouse", "Stores - AC"), Docstatus.Submitted).Writable.ShouldBe(["items"]);

    [Fact]
    public void Admit_SubmittedRowQtyChange_IsRefusedByRow()
    {
        var admission = Admit(EditRow(1, "qty", 5), Docstatus.Submitted);

        admission.Refused.ShouldBe(["items[2].qty"]);
    }

    [Fact]
    public void Admit_SubmittedKeyedRowQtyChange_IsRefusedByKey()
    {
        var rules = new ContentRules(keyFields: new Dictionary<string, IReadOnlyList<string>> { ["items"] = ["item_code"] });

        Admit(EditRow(1, "qty", 5), Docstatus.Submitted, rules).Refused.ShouldBe(["items[ITEM-002].qty"]);
    }

    [Fact]
    public void Admit_SubmittedRowAddedToNonAllowOnSubmitTable_IsRefused()
    {
        var content = Current.Content;
        content["items"]!.AsArray().Add(new JsonObject { ["item_code"] = "ITEM-003", ["qty"] = 1 });

        Admit(CanonicalDocument.FromContent(content), Docstatus.Submitted).Refused.ShouldBe(["items (rows added or removed)"]);
    }

    [Fact]
    public void Admit_SubmittedRowAddedToAllowOnSubmitTable_IsWritable()
    {
        var desired = Current.With("sales_team", new JsonArray(new JsonObject { ["sales_person"] = "Asha", ["allocated_percentage"] = 100 }));

        var admission = Admit(desired, Docstatus.Submitted);

        admission.IsAllowed.ShouldBeTrue();
        admission.Writable.ShouldBe(["sales_team"]);
    }

    [Fact]
    public void Admit_SubmittedRowReadOnlyField_IsDerived()
    {
        var admission = Admit(EditRow(0, "delivered_qty", 2), Docstatus.Submitted);

        admission.IsAllowed.ShouldBeTrue();
        admission.Derived.ShouldBe(["items[1].delivered_qty"]);
        admission.Writable.ShouldBeEmpty();
    }

    [Fact]
    public void Admit_Cancelled_RefusesAnyChange()
    {
        var admission = Admit(Current.With("po_no", "PO-9"), Docstatus.Cancelled);

        admission.IsAllowed.ShouldBeFalse();
        admission.Reason.ShouldBe("local Sales Order SAL-ORD-2026-00001 is cancelled and accepts no changes (differs in po_no)");
    }

    [Fact]
    public void Admit_NoDifference_IsAllowedOnEveryDocstatus()
    {
        foreach (var docstatus in new[] { 0, 1, 2 })
            Admit(Current, docstatus).IsAllowed.ShouldBeTrue();
    }
}
