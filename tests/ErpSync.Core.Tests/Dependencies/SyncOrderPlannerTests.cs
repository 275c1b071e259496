using ErpSync.Core.Dependencies;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;
using static ErpSync.Core.Tests.Fixtures.ErpNextMeta;

namespace ErpSync.Core.Tests.Dependencies;

public sealed class SyncOrderPlannerTests
{
    private static DocTypeMeta Linking(string name, params string[] targets) => new()
    {
        Name = name,
        Fields = targets.Select((t, i) => F($"link{i}", "Link", t)).ToList(),
    };

    [Fact]
    public void Plan_ErpNextScopeInUserOrder_PutsTargetsFirstAndOtherwiseKeepsUserOrder()
    {
        var order = SyncOrderPlanner.Plan([SalesOrder, PaymentEntry, Item, Customer]);

        // Payment Entry links only dynamically (party, reference_name): no fixed edge, so it keeps its place.
        order.DocTypes.ShouldBe(["Payment Entry", "Item", "Customer", "Sales Order"]);
        order.BrokenEdges.ShouldBeEmpty();
        order.OutOfScope.ShouldContain(e => e.From == "Sales Order" && e.To == "UOM" && e.Via == "items.uom");
    }

    [Fact]
    public void Plan_SelfLinks_AreNotCycles()
    {
        var order = SyncOrderPlanner.Plan([SalesOrder, Customer, Item]);

        order.BrokenEdges.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_TwoCycle_BreaksTheEdgeOfTheEarliestDocTypeAndReportsIt()
    {
        var order = SyncOrderPlanner.Plan([Linking("A", "B"), Linking("B", "A"), Linking("C", "A")]);

        order.DocTypes.ShouldBe(["A", "B", "C"]);
        order.BrokenEdges.ShouldBe([new DependencyEdge("A", "B", "link0")]);
    }

    [Fact]
    public void Plan_ThreeCycleWithTail_BreaksOneEdgeOnly()
    {
        var order = SyncOrderPlanner.Plan([Linking("D", "A"), Linking("A", "B"), Linking("B", "C"), Linking("C", "A")]);

        order.BrokenEdges.Count.ShouldBe(1);
        order.BrokenEdges[0].ShouldBe(new DependencyEdge("A", "B", "link0"));
        order.DocTypes.ShouldBe(["A", "D", "C", "B"]);
    }

    [Fact]
    public void Plan_RandomGraphs_AreDeterministicCompleteAndRespectUnbrokenEdges()
    {
        var random = new Random(21);
        for (var run = 0; run < 200; run++)
        {
            var names = Enumerable.Range(0, random.Next(1, 9)).Select(i => $"D{i}").ToList();
            var metas = names.Select(n => Linking(n, names.Where(_ => random.Next(4) == 0).Append("External").ToArray())).ToList();

            var first = SyncOrderPlanner.Plan(metas);
            var second = SyncOrderPlanner.Plan(metas);

            second.DocTypes.ShouldBe(first.DocTypes);
            second.BrokenEdges.ShouldBe(first.BrokenEdges);
            first.DocTypes.Order().ShouldBe(names.Order());
            var position = first.DocTypes.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i);
            foreach (var meta in metas)
            {
                foreach (var target in meta.Fields.Select(f => f.Options!).Where(t => t != meta.Name && position.ContainsKey(t)))
                {
                    var broken = first.BrokenEdges.Any(e => e.From == meta.Name && e.To == target);
                    if (!broken)
                        position[target].ShouldBeLessThan(position[meta.Name], $"run {run}: {meta.Name} -> {target}");
                }
            }
        }
    }

    [Fact]
    public void Plan_DuplicateDocTypes_AreListedOnce()
    {
        var order = SyncOrderPlanner.Plan([Item, Item, Customer]);

        order.DocTypes.ShouldBe(["Item", "Customer"]);
    }
}
