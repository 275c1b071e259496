using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Merging;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Tests.Merging;

public sealed class TableMergerTests
{
    private static readonly ContentRules Keyed = new(keyFields: new Dictionary<string, IReadOnlyList<string>> { ["items"] = ["item_code"] });

    private static CanonicalDocument Order(params string[] rows) =>
        CanonicalDocument.Parse($$"""{"items":[{{string.Join(",", rows)}}]}""");

    private static string Row(string code, int qty, int rate = 10) => $$"""{"item_code":"{{code}}","qty":{{qty}},"rate":{{rate}}}""";

    private static string[] Codes(JsonObject merged) =>
        merged["items"]!.AsArray().Select(r => r!["item_code"]!.GetValue<string>()).ToArray();

    private static readonly CanonicalDocument Base = Order(Row("A", 1), Row("B", 1), Row("C", 1));

    [Fact]
    public void Merge_RowAddedOnEachSide_KeepsBothInPlace()
    {
        var result = FieldMerger.Merge(Base, Order(Row("A", 1), Row("X", 1), Row("B", 1), Row("C", 1)), Order(Row("A", 1), Row("B", 1), Row("C", 1), Row("Y", 1)), Keyed);

        result.IsClean.ShouldBeTrue();
        Codes(result.Merged).ShouldBe(["A", "X", "B", "C", "Y"]);
    }

    [Fact]
    public void Merge_RowRemovedOnOneSideAndAnotherChangedOnTheOther_AppliesBoth()
    {
        var result = FieldMerger.Merge(Base, Order(Row("A", 1), Row("C", 1)), Order(Row("A", 1), Row("B", 1), Row("C", 5)), Keyed);

        result.IsClean.ShouldBeTrue();
        Codes(result.Merged).ShouldBe(["A", "C"]);
        result.Merged["items"]![1]!["qty"]!.ToJsonString().ShouldBe("5");
    }

    [Fact]
    public void Merge_SameRowDifferentFieldsOnEachSide_MergesInsideTheRow()
    {
        var result = FieldMerger.Merge(Base, Order(Row("A", 4), Row("B", 1), Row("C", 1)), Order(Row("A", 1, rate: 12), Row("B", 1), Row("C", 1)), Keyed);

        result.IsClean.ShouldBeTrue();
        result.Merged["items"]![0]!.ToJsonString().ShouldBe("""{"item_code":"A","qty":4,"rate":12}""");
    }

    [Fact]
    public void Merge_SameRowSameFieldOnEachSide_ConflictsOnTableKeyField()
    {
        var result = FieldMerger.Merge(Base, Order(Row("A", 4), Row("B", 1), Row("C", 1)), Order(Row("A", 7), Row("B", 1), Row("C", 1)), Keyed);

        result.ConflictingPaths.ShouldBe(["items[A].qty"]);
    }

    [Fact]
    public void Merge_RowRemovedOnOneSideChangedOnTheOther_ConflictsOnTheRow()
    {
        var result = FieldMerger.Merge(Base, Order(Row("A", 1), Row("C", 1)), Order(Row("A", 1), Row("B", 9), Row("C", 1)), Keyed, SiteName.Local);

        result.ConflictingPaths.ShouldBe(["items[B]"]);
        Codes(result.Merged).ShouldBe(["A", "B", "C"]);
    }

    [Fact]
    public void Merge_SameKeyAddedOnBothWithDifferentQty_ConflictsOnThatField()
    {
        var result = FieldMerger.Merge(Base, Order(Row("A", 1), Row("B", 1), Row("C", 1), Row("N", 1)), Order(Row("A", 1), Row("B", 1), Row("C", 1), Row("N", 2)), Keyed);

        result.ConflictingPaths.ShouldBe(["items[N].qty"]);
    }

    [Fact]
    public void Merge_RepeatedKey_IsKeyedByOccurrence()
    {
        var baseDoc = Order(Row("A", 1), Row("A", 2));
        var result = FieldMerger.Merge(baseDoc, Order(Row("A", 1), Row("A", 5)), Order(Row("A", 3), Row("A", 2)), Keyed);

        result.IsClean.ShouldBeTrue();
        result.Merged["items"]!.AsArray().Select(r => r!["qty"]!.ToJsonString()).ShouldBe(["3", "5"]);
    }

    [Fact]
    public void Merge_ReorderedOnOneSide_TakesThatOrderAndTheOtherSidesEdits()
    {
        var result = FieldMerger.Merge(Base, Order(Row("C", 1), Row("B", 1), Row("A", 1)), Order(Row("A", 1), Row("B", 3), Row("C", 1)), Keyed);

        result.IsClean.ShouldBeTrue();
        Codes(result.Merged).ShouldBe(["C", "B", "A"]);
        result.Merged["items"]![1]!["qty"]!.ToJsonString().ShouldBe("3");
    }

    [Fact]
    public void Merge_ReorderedDifferentlyOnBothSides_IsAnOrderConflict()
    {
        var result = FieldMerger.Merge(Base, Order(Row("C", 1), Row("B", 1), Row("A", 1)), Order(Row("B", 1), Row("A", 1), Row("C", 1)), Keyed, SiteName.Local);

        result.ConflictingPaths.ShouldBe(["items(order)"]);
        Codes(result.Merged).ShouldBe(["B", "A", "C"]);
    }

    [Fact]
    public void Merge_InsertionsAtTheSameSpot_PutThePreferredSideFirst()
    {
        var cloud = Order(Row("A", 1), Row("X", 1), Row("B", 1), Row("C", 1));
        var local = Order(Row("A", 1), Row("Y", 1), Row("B", 1), Row("C", 1));

        Codes(FieldMerger.Merge(Base, cloud, local, Keyed, SiteName.Cloud).Merged).ShouldBe(["A", "X", "Y", "B", "C"]);
        Codes(FieldMerger.Merge(Base, cloud, local, Keyed, SiteName.Local).Merged).ShouldBe(["A", "Y", "X", "B", "C"]);
    }
}
