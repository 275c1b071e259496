using System.Text.Json.Nodes;
using ErpSync.Core.Changes;

namespace ErpSync.Core.Tests.Changes;

public sealed class RowMatcherTests
{
    private static JsonObject R(string code, int qty) => new() { ["item_code"] = code, ["qty"] = qty };

    [Fact]
    public void Match_RowInsertedAtTop_KeepsIdentityOfTheRowsBelow()
    {
        var match = RowMatcher.Match([R("N", 1), R("A", 1), R("B", 1)], [R("A", 1), R("B", 1)], null);

        match.ShouldBe([-1, 0, 1]);
    }

    [Fact]
    public void Match_ChangedRows_PairByPosition()
    {
        var match = RowMatcher.Match([R("A", 2), R("B", 3)], [R("A", 1), R("B", 1)], null);

        match.ShouldBe([0, 1]);
    }

    [Fact]
    public void Match_KeyedRows_PairByKeyWhateverTheOrder()
    {
        var match = RowMatcher.Match([R("B", 9), R("C", 1), R("A", 1)], [R("A", 1), R("B", 1)], ["item_code"]);

        match.ShouldBe([1, -1, 0]);
    }

    [Fact]
    public void Match_NeverUsesATargetRowTwice()
    {
        var random = new Random(51);
        for (var run = 0; run < 300; run++)
        {
            var desired = Enumerable.Range(0, random.Next(5)).Select(_ => R($"I{random.Next(3)}", random.Next(2))).ToList();
            var target = Enumerable.Range(0, random.Next(5)).Select(_ => R($"I{random.Next(3)}", random.Next(2))).ToList();
            var keyed = random.Next(2) == 0 ? new[] { "item_code" } : null;

            var match = RowMatcher.Match(desired, target, keyed);

            match.Where(j => j >= 0).Distinct().Count().ShouldBe(match.Count(j => j >= 0));
            match.All(j => j < target.Count).ShouldBeTrue();
        }
    }
}
