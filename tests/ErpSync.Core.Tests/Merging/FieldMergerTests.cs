using ErpSync.Core.Canonical;
using ErpSync.Core.Merging;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Merging;

public sealed class FieldMergerTests
{
    private static CanonicalDocument D(string json) => CanonicalDocument.Parse(json);

    private static readonly CanonicalDocument Base = D("""{"a":1,"b":"x","c":"keep","items":[{"item_code":"I1","qty":1}]}""");

    [Fact]
    public void Merge_DifferentFieldsChanged_TakesEachFromItsSide()
    {
        var result = FieldMerger.Merge(Base, Base.With("a", 2), Base.With("b", "y"), ContentRules.None);

        result.IsClean.ShouldBeTrue();
        result.Merged["a"]!.ToJsonString().ShouldBe("2");
        result.Merged["b"]!.GetValue<string>().ShouldBe("y");
    }

    [Fact]
    public void Merge_SameFieldChangedToSameValue_IsClean() =>
        FieldMerger.Merge(Base, Base.With("a", 5), Base.With("a", 5), ContentRules.None).IsClean.ShouldBeTrue();

    [Fact]
    public void Merge_SameFieldChangedDifferently_IsAConflictWithAllThreeValues()
    {
        var result = FieldMerger.Merge(Base, Base.With("a", 2), Base.With("a", 3), ContentRules.None);

        var conflict = result.Conflicts.ShouldHaveSingleItem();
        conflict.Path.ShouldBe("a");
        conflict.Base!.ToJsonString().ShouldBe("1");
        conflict.Cloud!.ToJsonString().ShouldBe("2");
        conflict.Local!.ToJsonString().ShouldBe("3");
        result.Merged["a"]!.ToJsonString().ShouldBe("1"); // no preference: base value, a preview only
    }

    [Fact]
    public void Merge_ConflictWithPreference_TakesThePreferredValue()
    {
        FieldMerger.Merge(Base, Base.With("a", 2), Base.With("a", 3), ContentRules.None, SiteName.Local)
            .Merged["a"]!.ToJsonString().ShouldBe("3");
    }

    [Fact]
    public void Merge_FieldClearedOnOneSide_IsTakenAsCleared()
    {
        var result = FieldMerger.Merge(Base, Base.With("c", null), Base, ContentRules.None);

        result.IsClean.ShouldBeTrue();
        result.Merged.ContainsKey("c").ShouldBeFalse();
    }

    [Fact]
    public void Merge_UnkeyedTableChangedOnBothSides_IsOneConflictingField()
    {
        var cloud = D("""{"a":1,"b":"x","c":"keep","items":[{"item_code":"I1","qty":2}]}""");
        var local = D("""{"a":1,"b":"x","c":"keep","items":[{"item_code":"I1","qty":1},{"item_code":"I2","qty":1}]}""");

        FieldMerger.Merge(Base, cloud, local, ContentRules.None).ConflictingPaths.ShouldBe(["items"]);
    }

    [Fact]
    public void Merge_WithoutBase_EveryDifferenceConflicts()
    {
        var result = FieldMerger.Merge(null, D("""{"a":1,"b":"x"}"""), D("""{"a":1,"b":"y","c":"z"}"""), ContentRules.None);

        result.ConflictingPaths.ShouldBe(["b", "c"]);
        result.Merged["a"]!.ToJsonString().ShouldBe("1");
    }
}
