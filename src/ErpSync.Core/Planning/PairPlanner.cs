using ErpSync.Core.Canonical;
using ErpSync.Core.Conflicts;
using ErpSync.Core.Decisions;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Planning;

/// <summary>
/// Turns a pair's state into a plan: the three-way decision, the merge and conflict strategy, the lifecycle rules
/// and the direction rules, with no I/O. Content is written before docstatus steps; a change the target's
/// docstatus would refuse becomes an unresolved conflict with the reason, never a write that fails on every retry;
/// an unresolved conflict writes nothing at all.
/// </summary>
internal static class PairPlanner
{
    /// <summary>The plan for <paramref name="input"/>.</summary>
    public static PairPlan Plan(PairPlanInput input)
    {
        var decision = ThreeWayDecider.Decide(input.Baseline, input.Cloud, input.Local, input.Flow);
        if (decision.Lifecycle?.Error is { } lifecycleError)
            return Unresolved(input, decision, $"{decision.Reason}; {lifecycleError}", "lifecycle", []);

        return decision.Kind switch
        {
            DecisionKind.None => Quiet(input, decision, PlanOutcome.NoChange, input.Baseline?.Base),
            DecisionKind.Converged => Quiet(input, decision, PlanOutcome.Converged, input.Cloud.Document),
            DecisionKind.CloudToLocal => OneWay(input, decision, SiteName.Cloud),
            DecisionKind.LocalToCloud => OneWay(input, decision, SiteName.Local),
            DecisionKind.Conflict => BothChanged(input, decision),
            DecisionKind.CreateOnLocal => Create(input, decision, SiteName.Cloud),
            DecisionKind.CreateOnCloud => Create(input, decision, SiteName.Local),
            DecisionKind.DeleteOnLocal => Delete(input, decision, SiteName.Local),
            DecisionKind.DeleteOnCloud => Delete(input, decision, SiteName.Cloud),
            DecisionKind.DeleteEditConflict => DeleteEdit(input, decision),
            DecisionKind.BothDeleted => new PairPlan { Decision = decision, Outcome = PlanOutcome.Deleted, Message = decision.Reason },
            DecisionKind.Blocked when SourceMovedUnderReplicaEdit(input, decision) =>
                BothChanged(input, decision with { Kind = DecisionKind.Conflict, Reason = $"{decision.Reason}; {Docstatus.Describe(decision.Lifecycle!.To)} on {input.Flow.RuleSource!.Value.ToWire()}" }),
            _ => new PairPlan { Decision = decision, Outcome = PlanOutcome.Blocked, Message = decision.Reason },
        };
    }

    /// <summary>
    /// Under a one-way rule, a replica whose own (unsendable) edit would block the pair forever must still follow its
    /// source when the source moved on by docstatus alone (a submit or cancel changes no content): both changed, so the
    /// source's version wins as it does for any both-sides change, and the docstatus follows.
    /// </summary>
    private static bool SourceMovedUnderReplicaEdit(PairPlanInput input, SyncDecision decision) =>
        input.Flow.RuleSource is { } source &&
        decision.Intended == (source == SiteName.Cloud ? DecisionKind.LocalToCloud : DecisionKind.CloudToLocal) &&
        decision.Lifecycle is { CanApply: true } change && change.Target == source.Other() &&
        input.Flow.Allows(source.Other());

    private static PairPlan Quiet(PairPlanInput input, SyncDecision decision, PlanOutcome outcome, CanonicalDocument? agreed)
    {
        if (decision.Lifecycle is { BlockedReason: { } blocked })
        {
            var message = $"{decision.Reason}; {Docstatus.Describe(decision.Lifecycle.To)} on {decision.Lifecycle.Target.Other().ToWire()} not applied: {blocked}";
            return outcome == PlanOutcome.NoChange
                ? new PairPlan { Decision = decision, Outcome = PlanOutcome.Blocked, Message = message }
                : new PairPlan { Decision = decision, Outcome = outcome, Agreed = agreed, Message = message };
        }

        var writes = Transitions(input, decision, []);
        return writes.Count == 0
            ? new PairPlan { Decision = decision, Outcome = outcome, Agreed = agreed, Message = decision.Reason }
            : Apply(decision, writes, agreed, null, []);
    }

    private static PairPlan OneWay(PairPlanInput input, SyncDecision decision, SiteName source)
    {
        var target = source.Other();
        var desired = input.Side(source).Document!;
        var admission = SubmittedUpdateRules.Admit(input.Meta, input.Rules, input.Side(target).Document!, desired, input.Side(target).Docstatus, input.Label(target));
        if (!admission.IsAllowed)
            return Unresolved(input, decision, $"{decision.Reason}; {admission.Reason}", "lifecycle", admission.Refused);

        var writes = new List<PlannedWrite>();
        if (admission.Writable.Count > 0 || Steps(decision, target).Count > 0)
            writes.Add(new PlannedUpdate(target, desired, admission.Writable, Steps(decision, target)));
        writes = Transitions(input, decision, writes);
        return writes.Count == 0
            ? new PairPlan { Decision = decision, Outcome = PlanOutcome.Converged, Agreed = desired, SkippedFields = admission.Derived, Message = $"{decision.Reason}; only read-only fields differ" }
            : Apply(decision, writes, desired, null, admission.Derived);
    }

    private static PairPlan BothChanged(PairPlanInput input, SyncDecision decision)
    {
        var outcome = ConflictResolver.ResolveContent(Context(input));
        if (outcome.Kind == ConflictOutcomeKind.Unresolved)
            return new PairPlan { Decision = decision, Outcome = PlanOutcome.Conflict, Conflict = outcome.Description, Message = $"conflict: {outcome.Description!.Reason}" };

        var agreed = outcome.Agreed!;
        var writes = new List<PlannedWrite>();
        var skipped = new List<string>();
        foreach (var site in new[] { SiteName.Cloud, SiteName.Local })
        {
            var side = input.Side(site);
            if (side.Document!.Equals(agreed))
                continue;
            if (!input.Flow.Allows(site))
                return Blocked(decision, $"{decision.Reason}; resolving needs a write to {site.ToWire()}: {input.Flow.BlockedReason(site)}");

            var admission = SubmittedUpdateRules.Admit(input.Meta, input.Rules, side.Document, agreed, side.Docstatus, input.Label(site));
            if (!admission.IsAllowed)
            {
                var resolved = outcome.Description?.Reason ?? "merged cleanly";
                return Unresolved(input, decision, $"{resolved}; but {admission.Reason}", "lifecycle", admission.Refused);
            }

            skipped.AddRange(admission.Derived);
            if (admission.Writable.Count > 0 || Steps(decision, site).Count > 0)
                writes.Add(new PlannedUpdate(site, agreed, admission.Writable, Steps(decision, site)));
        }

        writes = Transitions(input, decision, writes);
        if (writes.Count == 0)
            return new PairPlan { Decision = decision, Outcome = PlanOutcome.Converged, Agreed = agreed, Conflict = outcome.Description, SkippedFields = skipped, Message = $"{decision.Reason}; only read-only fields differ" };
        return Apply(decision, writes, agreed, outcome.Description, skipped);
    }

    private static PairPlan Create(PairPlanInput input, SyncDecision decision, SiteName source)
    {
        var side = input.Side(source);
        var insert = new PlannedInsert(source.Other(), side.Document!, LifecyclePlanner.AfterInsert(side.Docstatus), side.Name);
        return Apply(decision, [insert], side.Document, null, []);
    }

    private static PairPlan Delete(PairPlanInput input, SyncDecision decision, SiteName target) =>
        Apply(decision, [new PlannedDelete(target, LifecyclePlanner.BeforeDelete(input.Side(target).Docstatus))], null, null, []);

    private static PairPlan DeleteEdit(PairPlanInput input, SyncDecision decision)
    {
        var outcome = ConflictResolver.ResolveDeleteEdit(Context(input));
        if (outcome.Kind == ConflictOutcomeKind.Unresolved)
            return new PairPlan { Decision = decision, Outcome = PlanOutcome.Conflict, Conflict = outcome.Description, Message = $"conflict: {outcome.Description!.Reason}" };

        var edited = input.Cloud.Exists ? SiteName.Cloud : SiteName.Local;
        var target = outcome.DeleteBoth ? edited : edited.Other();
        if (!input.Flow.Allows(target))
            return Blocked(decision, $"{decision.Reason}; resolving needs a write to {target.ToWire()}: {input.Flow.BlockedReason(target)}");

        var side = input.Side(edited);
        PlannedWrite write = outcome.DeleteBoth
            ? new PlannedDelete(edited, LifecyclePlanner.BeforeDelete(side.Docstatus))
            : new PlannedInsert(target, side.Document!, LifecyclePlanner.AfterInsert(side.Docstatus), side.Name);
        return Apply(decision, [write], outcome.Agreed, outcome.Description, []);
    }

    private static ConflictContext Context(PairPlanInput input) => new()
    {
        Meta = input.Meta,
        Rules = input.Rules,
        Strategy = input.Strategy,
        MergeFallback = input.MergeFallback,
        Base = input.Baseline?.Base,
        Cloud = input.Cloud,
        Local = input.Local,
        CloudTimeZone = input.CloudTimeZone,
        LocalTimeZone = input.LocalTimeZone,
        ReplicaSource = input.Flow.RuleSource,
    };

    private static IReadOnlyList<LifecycleStep> Steps(SyncDecision decision, SiteName site) =>
        decision.Lifecycle is { CanApply: true } change && change.Target == site ? change.Steps : [];

    private static List<PlannedWrite> Transitions(PairPlanInput input, SyncDecision decision, List<PlannedWrite> writes)
    {
        // A docstatus step on a side that gets no content write still needs its own (content-less) update.
        if (decision.Lifecycle is { CanApply: true } change && !writes.Any(w => w.Target == change.Target))
            writes.Add(new PlannedUpdate(change.Target, input.Side(change.Target).Document!, [], change.Steps));
        return writes;
    }

    private static PairPlan Apply(SyncDecision decision, IReadOnlyList<PlannedWrite> writes, CanonicalDocument? agreed, ConflictDescription? conflict, IReadOnlyList<string> skipped) => new()
    {
        Decision = decision,
        Outcome = PlanOutcome.Apply,
        Writes = writes,
        Agreed = agreed,
        Conflict = conflict,
        SkippedFields = skipped,
        Message = $"{decision.Reason}: {string.Join("; ", writes.Select(Describe))}",
    };

    private static PairPlan Blocked(SyncDecision decision, string message) =>
        new() { Decision = decision, Outcome = PlanOutcome.Blocked, Message = message };

    private static PairPlan Unresolved(PairPlanInput input, SyncDecision decision, string reason, string strategy, IReadOnlyList<string> fields) => new()
    {
        Decision = decision,
        Outcome = PlanOutcome.Conflict,
        Message = $"conflict: {reason}",
        Conflict = new ConflictDescription
        {
            Reason = reason,
            Strategy = strategy,
            ConflictingFields = fields,
            CloudData = input.Cloud.Document?.Json,
            LocalData = input.Local.Document?.Json,
            BaseData = input.Baseline?.Base?.Json,
            CloudModified = input.Cloud.Modified ?? input.Cloud.DeletedAt,
            LocalModified = input.Local.Modified ?? input.Local.DeletedAt,
        },
    };

    private static string Describe(PlannedWrite write) => write switch
    {
        PlannedInsert insert => Join($"create on {insert.Target.ToWire()}", insert.StepsAfter, insert.Target),
        PlannedUpdate { Fields.Count: > 0 } update => Join($"update {update.Target.ToWire()} ({string.Join(", ", update.Fields)})", update.StepsAfter, update.Target),
        PlannedUpdate update => string.Join(", ", update.StepsAfter.Select(s => $"{Verb(s)} {update.Target.ToWire()}")),
        PlannedDelete delete => string.Join(", ", delete.StepsBefore.Select(s => $"{Verb(s)} {delete.Target.ToWire()}").Append($"delete on {delete.Target.ToWire()}")),
        _ => write.ToString() ?? "",
    };

    private static string Join(string first, IReadOnlyList<LifecycleStep> steps, SiteName site) =>
        string.Join(", ", steps.Select(s => $"{Verb(s)} {site.ToWire()}").Prepend(first));

    private static string Verb(LifecycleStep step) => step == LifecycleStep.Submit ? "submit" : "cancel";
}
