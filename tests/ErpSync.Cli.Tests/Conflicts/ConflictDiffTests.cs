using ErpSync.Cli.Conflicts;
using ErpSync.Core.State;

namespace ErpSync.Cli.Tests.Conflicts;

public sealed class ConflictDiffTests
{
    private static ConflictRecord Conflict(string? cloud, string? local, string? baseline, params string[] fields) => new()
    {
        DocType = "Sales Order",
        DocName = "SO-1",
        CloudData = cloud,
        LocalData = local,
        BaseData = baseline,
        ConflictingFields = fields,
    };

    [Fact]
    public void Build_ChildRows_AreFlattenedPerRowAndCoveredByTheirTableConflict()
    {
        var view = ConflictDiff.Build(Conflict(
            """{"customer":"A","items":[{"item_code":"X","qty":2},{"item_code":"Y","qty":1}],"note":"cloud"}""",
            """{"customer":"A","items":[{"item_code":"X","qty":5},{"item_code":"Y","qty":1}],"note":"base"}""",
            """{"customer":"A","items":[{"item_code":"X","qty":1},{"item_code":"Y","qty":1}],"note":"base"}""",
            "items"));

        view.Fields.Select(f => (f.Field, f.Cloud, f.Local, f.Base, f.ChangedOn, f.Conflict)).ShouldBe(
        [
            ("items[1].qty", "2", "5", "1", "both", true),
            ("note", "cloud", "base", "base", "cloud", false),
        ]);
        view.AgreeingFields.ShouldBe(4, "customer, items[1].item_code, items[2].item_code, items[2].qty");
    }

    [Fact]
    public void Build_DeletedSideWithoutBase_ShowsEveryFieldOfTheSurvivor()
    {
        var view = ConflictDiff.Build(Conflict(null, """{"title":"edited","qty":3}""", null, "title"));

        view.Fields.Select(f => (f.Field, f.Cloud, f.Local, f.ChangedOn, f.Conflict)).ShouldBe(
        [
            ("title", null, "edited", "unknown", true),
            ("qty", null, "3", "unknown", false),
        ]);
    }
}
