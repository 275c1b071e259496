using ErpSync.Core.Canonical;
using ErpSync.Core.Decisions;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Merging;
using ErpSync.Core.Planning;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using Microsoft.Extensions.Logging;

namespace ErpSync.Core.Engine;

/// <summary>
/// Settles a recorded conflict the way a person chose: the chosen content — cloud's or local's document as it is
/// now, or the field merge (one-sided changes from each side, overlapping fields from the cloud) — is written to
/// both sites through the same compare-and-swap path as any sync, then the pair is recorded as agreed and the
/// conflict as resolved. A choice a site cannot take (a field of a submitted document without allow_on_submit)
/// fails with the reason and leaves the conflict open.
/// </summary>
internal sealed class ManualResolution(
    ISyncStore store, IDocumentLocks locks, PairReader reader, DependencyCheck dependencies, WriteExecutor executor,
    PairSynchronizer pairs, SyncEngineOptions options, SyncMetrics metrics, TimeProvider time, ILogger logger)
{
    /// <summary>Resolves conflict <paramref name="conflictId"/> with <paramref name="choice"/>.</summary>
    public async Task<SyncOutcome> ResolveAsync(EngineSetup setup, long conflictId, ConflictChoice choice, CancellationToken cancellationToken)
    {
        var conflict = await store.GetConflictAsync(conflictId, cancellationToken);
        if (conflict is null)
            return Outcomes.Failed("", null, null, "resolve", $"conflict {conflictId} does not exist; `erpsync conflicts list` shows the open ones", transient: false);
        if (conflict.Resolved)
            return Outcomes.Failed(conflict.DocType, conflict.CloudName, conflict.LocalName, "resolve", $"conflict {conflictId} is already resolved ({conflict.Resolution})", transient: false);
        if (!setup.DocTypes.TryGetValue(conflict.DocType, out var docType))
            return Outcomes.Failed(conflict.DocType, conflict.CloudName, conflict.LocalName, "resolve", $"{conflict.DocType} is not in sync_rules.doctypes any more", transient: false);

        var run = new RunContext(SyncRunOptions.Default);
        string? reason = null;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            var record = conflict.SyncRecordId > 0 ? await store.GetRecordAsync(conflict.SyncRecordId, cancellationToken) : null;
            if (record is null)
                return Outcomes.Failed(conflict.DocType, conflict.CloudName, conflict.LocalName, "resolve", $"the pair of conflict {conflictId} is no longer recorded (was the state reset?); sync the document again", transient: false);

            var site = record.CloudName is not null ? SiteName.Cloud : SiteName.Local;
            var name = record.NameOn(site)!;
            AttemptResult result;
            await using (await locks.AcquireAsync(LockKeys.Pair(docType, record, site, name), cancellationToken))
            {
                try
                {
                    result = await AttemptAsync(setup, docType, conflict, choice, record, site, name, run, cancellationToken);
                }
                catch (FrappeException ex)
                {
                    return Outcomes.Failed(docType.Name, record.CloudName, record.LocalName, "resolve", ex.Message, ex.IsTransient);
                }
            }

            switch (result.Kind)
            {
                case AttemptKind.Done:
                    metrics.Outcome(result.Outcome!);
                    return result.Outcome!;
                case AttemptKind.Retry:
                    reason = result.Reason;
                    break;
                default:
                    foreach (var dependency in result.Dependencies)
                    {
                        if (setup.DocTypes.TryGetValue(dependency.Ref.DocType, out var dependencyType))
                            await pairs.SyncAsync(setup, dependencyType, dependency.Site, dependency.Ref.Name, PairCall.Top(run), cancellationToken);
                    }

                    reason = "dependencies synced first";
                    break;
            }
        }

        return Outcomes.Failed(docType.Name, conflict.CloudName, conflict.LocalName, "resolve", $"the documents kept changing while the conflict was resolved (last: {reason}); try again", transient: true);
    }

    private async Task<AttemptResult> AttemptAsync(EngineSetup setup, DocTypeContext docType, ConflictRecord conflict, ConflictChoice choice, SyncRecord record, SiteName site, string name, RunContext run, CancellationToken cancellationToken)
    {
        var snapshot = await reader.ReadAsync(setup, docType, record, site, name, cancellationToken);
        var (plan, refusal) = Plan(docType, snapshot, conflict, choice);
        if (plan is null)
            return AttemptResult.Done(Outcomes.Failed(docType.Name, record.CloudName, record.LocalName, "resolve", $"conflict {conflict.Id} cannot be resolved that way: {refusal}", transient: false));

        var missing = await dependencies.FindAsync(setup, docType, plan, snapshot, cancellationToken);
        if (missing.OutOfScope.Count > 0)
            return AttemptResult.Done(Outcomes.Waiting(docType.Name, record.CloudName, record.LocalName, missing.Reason));
        if (missing.InScope.Count > 0)
            return AttemptResult.Needs(missing.InScope);

        var result = await executor.ExecuteAsync(setup, docType, plan, snapshot, PairCall.Top(run), cancellationToken);
        if (result.Kind is ExecutionKind.Stale or ExecutionKind.Moved or ExecutionKind.MissingDependencies)
        {
            foreach (var log in result.Logs)
                await store.AppendLogAsync(log, cancellationToken);
            switch (result.Missing)
            {
                case { OutOfScope.Count: > 0 } waiting:
                    return AttemptResult.Done(Outcomes.Waiting(docType.Name, record.CloudName, record.LocalName, waiting.Reason));
                case { InScope.Count: > 0 } first:
                    return AttemptResult.Needs(first.InScope);
            }

            if (result.Kind == ExecutionKind.MissingDependencies)
                return AttemptResult.Done(Outcomes.Failed(docType.Name, record.CloudName, record.LocalName, "resolve", result.Error?.Message ?? "a site refused a link", transient: false));
            return AttemptResult.Retry(result.Reason ?? "changed meanwhile");
        }

        if (result.Kind == ExecutionKind.Failed)
            return AttemptResult.Done(Outcomes.Failed(docType.Name, record.CloudName, record.LocalName, "resolve", result.Error?.Message ?? result.Reason ?? "failed", result.Error?.IsTransient ?? false));

        var now = time.GetUtcNow();
        var cloud = State(docType, snapshot, result, SiteName.Cloud);
        var local = State(docType, snapshot, result, SiteName.Local);
        var resolution = choice switch { ConflictChoice.Cloud => "cloud_wins", ConflictChoice.Local => "local_wins", _ => "merged" };
        var saved = RecordBuilder.Synced(docType.Name, result.Record ?? record, cloud, local, PlanHandler.Agreed(cloud, local, plan.Agreed), plan.Direction, now);
        var logs = result.Logs.Append(RecordBuilder.Log(docType.Name, saved.CloudName, saved.LocalName, "resolve", plan.Direction, "success", $"conflict {conflict.Id} resolved by a person: {resolution}"));
        saved = await store.CommitAsync(new SyncCommit(saved, logs.ToList()), cancellationToken);
        try
        {
            await store.ResolveConflictAsync(conflict.Id, resolution, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Resolved concurrently; the documents now agree either way.
        }

        EngineLog.ConflictResolved(logger, conflict.Id, docType.Name, saved.DisplayName, resolution);
        return AttemptResult.Done(new SyncOutcome(docType.Name, saved.CloudName, saved.LocalName, SyncOutcomeKind.Applied, "resolve", plan.Direction, $"conflict {conflict.Id} resolved: {resolution}"));
    }

    private static (PairPlan? Plan, string? Refusal) Plan(DocTypeContext docType, PairSnapshot snapshot, ConflictRecord conflict, ConflictChoice choice)
    {
        var cloud = snapshot.Cloud;
        var local = snapshot.Local;
        var desired = choice switch
        {
            ConflictChoice.Cloud => cloud.Document,
            ConflictChoice.Local => local.Document,
            _ when cloud.Document is { } c && local.Document is { } l =>
                CanonicalDocument.FromContent(FieldMerger.Merge(Base(snapshot), c, l, docType.Rules, SiteName.Cloud).Merged),
            _ => cloud.Document ?? local.Document,
        };

        var writes = new List<PlannedWrite>();
        if (desired is null)
        {
            var survivor = choice == ConflictChoice.Cloud ? SiteName.Local : SiteName.Cloud;
            if (snapshot.Side(survivor).Exists)
                writes.Add(new PlannedDelete(survivor, LifecyclePlanner.BeforeDelete(snapshot.Side(survivor).Docstatus)));
        }
        else
        {
            var docstatus = Math.Max(cloud.Exists ? cloud.Docstatus : 0, local.Exists ? local.Docstatus : 0);
            foreach (var site in new[] { SiteName.Cloud, SiteName.Local })
            {
                var side = snapshot.Side(site);
                if (!side.Exists)
                {
                    writes.Add(new PlannedInsert(site, desired, LifecyclePlanner.AfterInsert(docstatus), snapshot.Side(site.Other()).Name));
                    continue;
                }

                var transition = LifecyclePlanner.Transition(side.Docstatus, docstatus);
                if (!transition.IsPossible)
                    return (null, $"{site.ToWire()}: {transition.Error}");
                var admission = SubmittedUpdateRules.Admit(docType.Meta, docType.Rules, side.Document!, desired, side.Docstatus, $"{site.ToWire()} {docType.Name} {side.Name}");
                if (!admission.IsAllowed)
                    return (null, admission.Reason);
                if (admission.Writable.Count > 0 || transition.Steps.Count > 0)
                    writes.Add(new PlannedUpdate(site, desired, admission.Writable, transition.Steps));
            }
        }

        return (new PairPlan
        {
            Decision = new SyncDecision(DecisionKind.Conflict, $"conflict {conflict.Id} resolved by a person"),
            Outcome = writes.Count > 0 ? PlanOutcome.Apply : PlanOutcome.Converged,
            Writes = writes,
            Agreed = desired,
            Message = $"conflict {conflict.Id}: keep {choice.ToString().ToLowerInvariant()}",
        }, null);
    }

    private static CanonicalDocument? Base(PairSnapshot snapshot) =>
        snapshot.Record is null ? null : PairBaseline.From(snapshot.Record).Base;

    private static SideState State(DocTypeContext docType, PairSnapshot snapshot, ExecutionResult result, SiteName site)
    {
        var document = result.Document(site);
        return ReferenceEquals(document, snapshot.Raw(site))
            ? snapshot.Side(site)
            : SideReader.Read(document, docType.Meta, docType.Rules, site, snapshot.Names, result.Record?.NameOn(site) ?? snapshot.Side(site).Name);
    }
}
