using ErpSync.Core.Canonical;
using ErpSync.Core.Configuration;
using ErpSync.Core.Decisions;
using ErpSync.Core.Planning;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Planning;

public sealed class PairPlannerIdempotenceTests
{
    private const string CloudName = "SAL-ORD-2026-00001";
    private const string LocalName = "SO-L-9";

    [Fact]
    public void Plan_RunTwice_SecondRunChangesNothingAndBothSidesAgree()
    {
        var generator = new DocGenerator(71);
        var random = generator.Random;
        var strategies = new[] { ConflictStrategy.Merge, ConflictStrategy.CloudWins, ConflictStrategy.LocalWins, ConflictStrategy.LatestTimestamp };
        var applied = 0;
        for (var run = 0; run < 300; run++)
        {
            var baseDoc = Canon.Of(generator.Render(generator.Semantic()), ErpNextMeta.SalesOrder);
            var baseStatus = random.Next(2);
            var baseline = random.Next(6) == 0 ? null : new PairBaseline
            {
                CloudName = CloudName, LocalName = LocalName, CloudHash = baseDoc.Hash, LocalHash = baseDoc.Hash,
                CloudDocstatus = baseStatus, LocalDocstatus = baseStatus, Base = baseDoc,
            };

            SideState Side(string name)
            {
                if (random.Next(6) == 0)
                    return SideState.Absent(baseline is null ? null : name, "2026-11-22 05:00:00");
                var doc = random.Next(2) == 0 ? baseDoc : baseDoc.With(random.Next(2) == 0 ? "po_no" : "terms", $"v{random.Next(3)}");
                var status = Math.Min(2, baseStatus + (random.Next(3) == 0 ? 1 : 0));
                return SideState.Present(name, doc, status, $"2026-11-22 0{random.Next(10)}:00:00");
            }

            var input = new PairPlanInput
            {
                Meta = ErpNextMeta.SalesOrder,
                Strategy = strategies[random.Next(strategies.Length)],
                Baseline = baseline,
                Cloud = Side(CloudName),
                Local = Side(LocalName),
            };
            var first = PairPlanner.Plan(input);
            if (first.Outcome is PlanOutcome.Conflict or PlanOutcome.Blocked)
                continue;

            var (cloud, local, next) = PlanExecutor.Execute(input, first);
            var second = PairPlanner.Plan(input with { Baseline = next, Cloud = cloud, Local = local });

            second.Outcome.ShouldBeOneOf([PlanOutcome.NoChange, PlanOutcome.Deleted], $"run {run}: first {first.Message}; second {second.Message}");
            second.Writes.ShouldBeEmpty();
            if (first.Outcome == PlanOutcome.Apply && cloud.Exists && local.Exists)
            {
                cloud.Hash.ShouldBe(local.Hash, $"run {run}: {first.Message}");
                cloud.Docstatus.ShouldBe(local.Docstatus);
            }

            applied++;
        }

        applied.ShouldBeGreaterThan(150);
    }
}
