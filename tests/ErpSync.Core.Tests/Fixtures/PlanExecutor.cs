using ErpSync.Core.Canonical;
using ErpSync.Core.Decisions;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Planning;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Tests.Fixtures;

/// <summary>
/// Carries out a plan against two in-memory sides the way the engine will against real sites (content PUT of the
/// planned fields, then submit/cancel; inserts; deletes), and stores the new baseline from what the sides then hold.
/// </summary>
internal static class PlanExecutor
{
    public static (SideState Cloud, SideState Local, PairBaseline Baseline) Execute(PairPlanInput input, PairPlan plan)
    {
        var sides = new Dictionary<SiteName, SideState> { [SiteName.Cloud] = input.Cloud, [SiteName.Local] = input.Local };
        foreach (var write in plan.Writes)
        {
            var side = sides[write.Target];
            sides[write.Target] = write switch
            {
                PlannedInsert insert => SideState.Present(side.Name ?? $"{insert.Target}-new", insert.Content, Advance(0, insert.StepsAfter), "2026-11-23 00:00:00"),
                PlannedUpdate update => side with { Document = Put(side.Document!, update), Docstatus = Advance(side.Docstatus, update.StepsAfter) },
                PlannedDelete => SideState.Absent(side.Name),
                _ => throw new InvalidOperationException(write.ToString()),
            };
        }

        var cloud = sides[SiteName.Cloud];
        var local = sides[SiteName.Local];
        var baseline = plan.Outcome == PlanOutcome.Deleted || (!cloud.Exists && !local.Exists)
            ? new PairBaseline { CloudName = cloud.Name, LocalName = local.Name, Tombstone = true }
            : new PairBaseline
            {
                CloudName = cloud.Name,
                LocalName = local.Name,
                CloudHash = cloud.Hash,
                LocalHash = local.Hash,
                CloudDocstatus = cloud.Docstatus,
                LocalDocstatus = local.Docstatus,
                Base = plan.Agreed ?? input.Baseline?.Base,
            };
        return (cloud, local, baseline);
    }

    private static CanonicalDocument Put(CanonicalDocument current, PlannedUpdate update)
    {
        var content = current.Content;
        foreach (var field in update.Fields)
            content[field] = update.Desired[field];
        return CanonicalDocument.FromContent(content);
    }

    private static int Advance(int docstatus, IReadOnlyList<LifecycleStep> steps) =>
        steps.Aggregate(docstatus, (status, step) => step == LifecycleStep.Submit ? Docstatus.Submitted : Docstatus.Cancelled);
}
