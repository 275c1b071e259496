using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Changes;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Changes;

public sealed class FieldDiffTests
{
    private static readonly CanonicalDocument Before = Canon.Of(Docs.SalesOrder(), ErpNextMeta.SalesOrder);

    [Fact]
    public void Compute_ScalarChanges_AreOldNewPairs()
    {
        var after = Before.With("po_no", "PO-1").With("grand_total", 50);

        FieldDiff.ToJson(Before, after, ContentRules.None).ShouldBe("""{"grand_total":[45.5,50],"po_no":[null,"PO-1"]}""");
    }

    [Fact]
    public void Compute_UnkeyedTable_IsSummarisedAsCounts()
    {
        var content = Before.Content;
        content["items"]![0]!["qty"] = 9;
        content["items"]!.AsArray().Add(new JsonObject { ["item_code"] = "ITEM-003", ["qty"] = 1 });

        FieldDiff.ToJson(Before, CanonicalDocument.FromContent(content), ContentRules.None)
            .ShouldBe("""{"items":{"added":1,"changed":1,"removed":0,"rows":[2,3]}}""");
    }

    [Fact]
    public void Compute_KeyedTable_NamesTheRows()
    {
        var rules = new ContentRules(keyFields: new Dictionary<string, IReadOnlyList<string>> { ["items"] = ["item_code"] });
        var content = Before.Content;
        content["items"]!.AsArray().RemoveAt(0);
        content["items"]![0]!["qty"] = 3;

        FieldDiff.ToJson(Before, CanonicalDocument.FromContent(content), rules)
            .ShouldBe("""{"items":{"added":[],"changed":["ITEM-002"],"removed":["ITEM-001"],"rows":[2,1]}}""");
    }

    [Fact]
    public void Compute_Create_ListsEveryFieldFromNull()
    {
        var diff = FieldDiff.Compute(null, Before, ContentRules.None);

        diff["customer"]!.ToJsonString().ShouldBe("""[null,"CUST-2026-00001"]""");
        diff.Count.ShouldBe(Before.Fields.Count());
    }

    [Fact]
    public void Compute_SameContent_IsEmpty() =>
        FieldDiff.Compute(Before, Before, ContentRules.None).Count.ShouldBe(0);
}
