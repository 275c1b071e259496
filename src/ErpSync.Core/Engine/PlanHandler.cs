using ErpSync.Core.Configuration;
using ErpSync.Core.Decisions;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Planning;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>
/// Plans a pair read under its lock and acts on the plan: writes (through <see cref="WriteExecutor"/>) and commits
/// the new state, records conflicts, parks items waiting for a dependency, or leaves the pair alone. A pair in an
/// unresolved conflict is not planned again until one of its documents changes; then the earlier conflict is
/// superseded by whatever the new plan says.
/// </summary>
internal sealed class PlanHandler(PairCommitter commits, DependencyCheck dependencies, WriteExecutor executor, SyncRules rules, SyncMetrics metrics, TimeProvider time)
{
    /// <summary>Plans and acts on <paramref name="snapshot"/>.</summary>
    public async Task<AttemptResult> HandleAsync(EngineSetup setup, DocTypeContext docType, SiteName site, string name, PairSnapshot snapshot, PairCall call, bool followDependencies, CancellationToken cancellationToken)
    {
        var record = snapshot.Record;
        if (record is null && !snapshot.Cloud.Exists && !snapshot.Local.Exists)
            return Done(Outcomes.Skipped(docType.Name, null, null, $"{site.ToWire()} {docType.Name} {name} does not exist (nothing to sync)"));

        ConflictRecord? open = null;
        if (record?.Status == SyncStatus.Conflict)
        {
            open = await commits.OpenConflictAsync(record.Id, cancellationToken);
            if (open is not null && snapshot.UnchangedSince(record))
                return Done(Outcomes.Conflict(docType.Name, record.CloudName, record.LocalName, $"waits for conflict {open.Id} to be resolved: {open.Reason}"));
        }

        var input = PairPlanInput.For(rules, docType.Meta, call.Run.Options.Direction, record is null ? null : PairBaseline.From(record), snapshot.Cloud, snapshot.Local) with
        {
            Rules = docType.Rules,
            CloudTimeZone = setup.CloudZone,
            LocalTimeZone = setup.LocalZone,
        };
        var plan = PairPlanner.Plan(input);
        if (call.DryRun)
            return Done(Planned(docType, snapshot, plan));

        var now = time.GetUtcNow();
        switch (plan.Outcome)
        {
            case PlanOutcome.NoChange:
                return await QuietAsync(docType, snapshot, plan, cancellationToken);
            case PlanOutcome.Blocked:
                await commits.AppendAsync([RecordBuilder.Log(docType.Name, Name(snapshot, SiteName.Cloud), Name(snapshot, SiteName.Local), "skip", "none", "skipped", plan.Message)], cancellationToken);
                return Done(Outcomes.Skipped(docType.Name, Name(snapshot, SiteName.Cloud), Name(snapshot, SiteName.Local), plan.Message, "skip"));
            case PlanOutcome.Conflict:
                return await ConflictAsync(docType, snapshot, plan, open, now, cancellationToken);
            case PlanOutcome.Deleted:
                if (record is { Status: not SyncStatus.Deleted })
                {
                    var tombstone = RecordBuilder.Synced(docType.Name, record, snapshot.Cloud, snapshot.Local, null, "none", now);
                    await commits.CommitAsync(docType.Name, new SyncCommit(tombstone, [RecordBuilder.Log(docType.Name, record.CloudName, record.LocalName, "delete", "none", "success", plan.Message)]), cancellationToken);
                    await commits.SupersedeAsync(open, "deleted on both sides", cancellationToken);
                }

                return Done(Outcomes.Skipped(docType.Name, record?.CloudName, record?.LocalName, plan.Message));
            case PlanOutcome.Converged:
                return await CompleteAsync(docType, snapshot, plan, open, new ExecutionResult(ExecutionKind.Completed) { Cloud = snapshot.CloudRaw, Local = snapshot.LocalRaw, Record = record }, cancellationToken);
        }

        var missing = await dependencies.FindAsync(setup, docType, plan, snapshot, cancellationToken);
        if (!missing.IsEmpty)
            return await MissingAsync(docType, snapshot, record, missing, followDependencies, [], cancellationToken);

        var result = await executor.ExecuteAsync(setup, docType, plan, snapshot, call, cancellationToken);
        switch (result.Kind)
        {
            case ExecutionKind.Completed:
                return await CompleteAsync(docType, snapshot, plan, open, result, cancellationToken);
            case ExecutionKind.Stale or ExecutionKind.Moved:
                await commits.AppendAsync(result.Logs, cancellationToken);
                return AttemptResult.Retry(result.Reason ?? "changed meanwhile", result.Adopted);
            case ExecutionKind.MissingDependencies when result.Missing is { IsEmpty: false } refused:
                return await MissingAsync(docType, snapshot, result.Record, refused, followDependencies, result.Logs, cancellationToken);
            default:
                // A refusal whose missing link could not be read is reported as the site's error.
                var error = result.Error ?? new FrappeValidationException(result.Reason ?? "the site refused the write");
                return Done(await FailAsync(docType, result.Record, result.Logs, Action(plan, docType), error, call, cancellationToken));
        }
    }

    /// <summary>Records a failed attempt on the pair (when it has a record) and returns the outcome.</summary>
    public async Task<SyncOutcome> FailAsync(DocTypeContext docType, SyncRecord? record, IReadOnlyList<SyncLogEntry> logs, string action, FrappeException error, PairCall call, CancellationToken cancellationToken)
    {
        var message = error.Message;
        if (!call.DryRun)
        {
            var failure = RecordBuilder.Log(docType.Name, record?.CloudName, record?.LocalName, "error", "none", "failed", message);
            if (record is { Id: > 0 })
                await commits.CommitAsync(docType.Name, new SyncCommit(RecordBuilder.Failed(record, message), [.. logs, failure]), cancellationToken);
            else
                await commits.AppendAsync([.. logs, failure], cancellationToken);
        }

        return Outcomes.Failed(docType.Name, record?.CloudName, record?.LocalName, action, message, error.IsTransient);
    }

    private async Task<AttemptResult> QuietAsync(DocTypeContext docType, PairSnapshot snapshot, PairPlan plan, CancellationToken cancellationToken)
    {
        var record = snapshot.Record;
        if (record is not null && (record.Status != SyncStatus.Synced || !snapshot.UnchangedSince(record)))
        {
            // Nothing to write; remember the current timestamps so the next full sync need not fetch the pair again.
            var refreshed = RecordBuilder.Synced(docType.Name, record, snapshot.Cloud, snapshot.Local, null, record.SyncDirection ?? "none", time.GetUtcNow()) with
            {
                LastSynced = record.Status == SyncStatus.Synced ? record.LastSynced : time.GetUtcNow(),
            };
            if (await commits.CommitAsync(docType.Name, new SyncCommit(refreshed, []), cancellationToken) is null)
                return AttemptResult.Retry("recorded by another worker meanwhile");
        }

        return Done(Outcomes.Skipped(docType.Name, Name(snapshot, SiteName.Cloud), Name(snapshot, SiteName.Local), plan.Message));
    }

    private async Task<AttemptResult> ConflictAsync(DocTypeContext docType, PairSnapshot snapshot, PairPlan plan, ConflictRecord? open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var description = plan.Conflict!;
        var record = RecordBuilder.InConflict(docType.Name, snapshot.Record, snapshot.Cloud, snapshot.Local, description.Reason);
        var conflict = description.ToRecord(docType.Name, record.CloudName, record.LocalName, now);
        var log = RecordBuilder.Log(docType.Name, record.CloudName, record.LocalName, "conflict", "none", "conflict", $"{description.Reason} (strategy {description.Strategy})");
        var saved = await commits.CommitAsync(docType.Name, new SyncCommit(record, [log], conflict), cancellationToken);
        if (saved is null)
            return AttemptResult.Retry("recorded by another worker meanwhile");
        await commits.SupersedeAsync(open, "superseded by a newer conflict", cancellationToken);
        metrics.Conflict(docType.Name, resolved: false);
        return Done(Outcomes.Conflict(docType.Name, saved.CloudName, saved.LocalName, plan.Message));
    }

    private async Task<AttemptResult> CompleteAsync(DocTypeContext docType, PairSnapshot snapshot, PairPlan plan, ConflictRecord? open, ExecutionResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cloud = State(docType, snapshot, result, SiteName.Cloud);
        var local = State(docType, snapshot, result, SiteName.Local);
        var record = RecordBuilder.Synced(docType.Name, result.Record, cloud, local, Agreed(cloud, local, plan.Agreed), plan.Direction, now);
        var logs = result.Logs.ToList();
        var conflict = plan.Conflict?.ToRecord(docType.Name, record.CloudName, record.LocalName, now);
        if (plan.Conflict is { } settled)
            logs.Add(RecordBuilder.Log(docType.Name, record.CloudName, record.LocalName, "conflict", plan.Direction, "resolved", $"{settled.Reason}; resolved by {settled.Resolution ?? settled.Strategy}"));
        if (plan.Writes.Count == 0)
            logs.Add(RecordBuilder.Log(docType.Name, record.CloudName, record.LocalName, snapshot.Record?.CloudHash is null ? "pair" : "converge", "converged", "success", plan.Message));

        // A plain insert committed the pair together with the insert; committing the same state again would only cost time.
        var saved = result.Committed && conflict is null && logs.Count == 0 && open is null
            ? result.Record
            : await commits.CommitAsync(docType.Name, new SyncCommit(record, logs, conflict), cancellationToken);
        if (saved is null)
            return AttemptResult.Retry("recorded by another worker meanwhile");
        await commits.SupersedeAsync(open, plan.Writes.Count == 0 ? "superseded: the documents agree" : "superseded: " + plan.Message, cancellationToken);
        if (plan.Conflict is not null)
            metrics.Conflict(docType.Name, resolved: true);
        return Done(new SyncOutcome(docType.Name, saved.CloudName, saved.LocalName, SyncOutcomeKind.Applied, Action(plan, docType), plan.Direction, plan.Message));
    }

    private async Task<AttemptResult> MissingAsync(DocTypeContext docType, PairSnapshot snapshot, SyncRecord? record, MissingDependencies missing, bool followDependencies, IReadOnlyList<SyncLogEntry> logs, CancellationToken cancellationToken)
    {
        await commits.AppendAsync(logs, cancellationToken);
        if (followDependencies && missing.OutOfScope.Count == 0 && missing.InScope.Count > 0)
            return AttemptResult.Needs(missing.InScope);

        var reason = missing.Reason;
        var waiting = RecordBuilder.Waiting(docType.Name, record, snapshot.Cloud, snapshot.Local, reason);
        var log = RecordBuilder.Log(docType.Name, waiting.CloudName, waiting.LocalName, "wait", "none", "pending", reason);
        var saved = await commits.CommitAsync(docType.Name, new SyncCommit(waiting, [log]), cancellationToken);
        if (saved is null)
            return AttemptResult.Retry("recorded by another worker meanwhile");
        return Done(Outcomes.Waiting(docType.Name, saved.CloudName, saved.LocalName, reason));
    }

    /// <summary>
    /// The next base: what both sites returned when they hold the same content (the servers' recomputed totals
    /// included), else what the plan agreed on.
    /// </summary>
    public static Canonical.CanonicalDocument? Agreed(SideState cloud, SideState local, Canonical.CanonicalDocument? planned) =>
        cloud.Exists && local.Exists && string.Equals(cloud.Hash, local.Hash, StringComparison.Ordinal) ? cloud.Document : planned;

    private static SideState State(DocTypeContext docType, PairSnapshot snapshot, ExecutionResult result, SiteName site)
    {
        var document = result.Document(site);
        if (ReferenceEquals(document, snapshot.Raw(site)))
            return snapshot.Side(site);
        return SideReader.Read(document, docType.Meta, docType.Rules, site, snapshot.Names, result.Record?.NameOn(site) ?? snapshot.Side(site).Name);
    }

    private static SyncOutcome Planned(DocTypeContext docType, PairSnapshot snapshot, PairPlan plan)
    {
        var cloud = Name(snapshot, SiteName.Cloud);
        var local = Name(snapshot, SiteName.Local);
        return plan.Outcome switch
        {
            PlanOutcome.Apply or PlanOutcome.Converged => new SyncOutcome(docType.Name, cloud, local, SyncOutcomeKind.Applied, Action(plan, docType), plan.Direction, "would " + plan.Message),
            PlanOutcome.Conflict => Outcomes.Conflict(docType.Name, cloud, local, plan.Message),
            _ => Outcomes.Skipped(docType.Name, cloud, local, plan.Message, plan.Outcome == PlanOutcome.Blocked ? "skip" : "none"),
        };
    }

    private static string Action(PairPlan plan, DocTypeContext docType)
    {
        if (plan.Writes.Count == 0)
            return "converge";
        if (plan.Writes.Select(w => w.Target).Distinct().Count() > 1)
            return "merge";
        return plan.Writes[0] switch
        {
            PlannedInsert insert => insert.AmendedFrom is null ? "create" : "amend",
            PlannedDelete => "delete",
            // A submit also changes what the server derives (status, per_billed…); that is not an edit of its own.
            PlannedUpdate update when update.Fields.Count > 0 && (update.StepsAfter.Count == 0 || !update.Fields.All(f => Derived(docType, f))) => "update",
            PlannedUpdate update => update.StepsAfter.LastOrDefault() == LifecycleStep.Cancel ? "cancel" : "submit",
            _ => "update",
        };
    }

    private static bool Derived(DocTypeContext docType, string field) =>
        docType.Meta.Field(field) is { } meta && (meta.ReadOnly || !string.IsNullOrEmpty(meta.FetchFrom));

    private static string? Name(PairSnapshot snapshot, SiteName site) => snapshot.Side(site).Name ?? snapshot.Record?.NameOn(site);

    private static AttemptResult Done(SyncOutcome outcome) => AttemptResult.Done(outcome);
}
