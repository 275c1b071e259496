using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Changes;
using ErpSync.Core.Decisions;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Planning;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>
/// Carries out a plan's writes in order. Every update, submit and cancel is compare-and-swap on the
/// <c>modified</c> the engine read (or the previous step returned); a stale answer stops the plan so the pair is
/// read and planned again — the write is never repeated with the fresh timestamp. A delete, which Frappe cannot
/// make conditional, is preceded by a fresh read that must still show the planned version.
/// </summary>
internal sealed class WriteExecutor(SitePair sites, InsertProtocol inserts, DependencyCheck dependencies)
{
    /// <summary>Carries out <paramref name="plan"/> on the pair read as <paramref name="snapshot"/>.</summary>
    public async Task<ExecutionResult> ExecuteAsync(EngineSetup setup, DocTypeContext docType, PairPlan plan, PairSnapshot snapshot, PairCall call, CancellationToken cancellationToken)
    {
        var run = new Progress(snapshot);
        foreach (var write in plan.Writes)
        {
            ExecutionResult? stop;
            try
            {
                stop = write switch
                {
                    PlannedInsert insert => await InsertAsync(setup, docType, insert, snapshot, call, run, cancellationToken),
                    PlannedUpdate update => await UpdateAsync(setup, docType, update, snapshot, run, cancellationToken),
                    PlannedDelete delete => await DeleteAsync(docType, delete, snapshot, run, cancellationToken),
                    _ => throw new InvalidOperationException($"Unknown write {write}."),
                };
            }
            catch (FrappeLinkValidationException ex)
            {
                stop = run.End(ExecutionKind.MissingDependencies) with { Missing = dependencies.FromRefusal(setup, write.Target, snapshot.Names, ex.MissingLinks), Error = ex };
            }
            catch (FrappeException ex)
            {
                stop = run.End(ExecutionKind.Failed) with { Error = ex, Reason = ex.Message };
            }

            if (stop is not null)
                return stop;
        }

        return run.End(ExecutionKind.Completed);
    }

    private async Task<ExecutionResult?> InsertAsync(EngineSetup setup, DocTypeContext docType, PlannedInsert insert, PairSnapshot snapshot, PairCall call, Progress run, CancellationToken cancellationToken)
    {
        var result = await inserts.InsertAsync(setup, docType, insert, snapshot, call, cancellationToken);
        if (result.Record is not null)
            run.Record = result.Record;

        if (result.Kind != ExecutionKind.Completed)
            return run.End(result.Kind) with { Reason = result.Reason ?? result.Error?.Message, Missing = result.Missing, Error = result.Error, Adopted = result.Adopted };

        run.Wrote = true;
        run.Latest[insert.Target] = result.Created;
        run.Committed = insert.StepsAfter.Count == 0;
        var name = Name(result.Created!);
        foreach (var step in insert.StepsAfter)
        {
            if (await StepAsync(docType, insert.Target, name, step, snapshot, run, cancellationToken) is { } stop)
                return stop;
        }

        return null;
    }

    private async Task<ExecutionResult?> UpdateAsync(EngineSetup setup, DocTypeContext docType, PlannedUpdate update, PairSnapshot snapshot, Progress run, CancellationToken cancellationToken)
    {
        var target = update.Target;
        var raw = run.Latest[target] ?? throw new InvalidOperationException($"An update of {docType.Name} on {target.ToWire()} has no document to update.");
        var current = snapshot.Side(target);
        var name = Name(raw);
        if (update.Fields.Count > 0)
        {
            var payload = WritePayloadBuilder.BuildUpdate(docType.Meta, docType.Rules, update.Desired, current.Document!, raw, current.Docstatus, target, snapshot.Names, update.Fields);
            if (!payload.IsComplete)
                return run.End(ExecutionKind.MissingDependencies) with { Missing = DependencyCheck.Classify(setup, payload.MissingLinks.Select(r => new Dependencies.SitedRef(r, target.Other()))) };
            if (!payload.IsEmpty)
            {
                var result = await sites[target].UpdateAsync(docType.Name, name, payload.Body, Modified(raw), cancellationToken);
                if (result is StaleWrite stale)
                    return run.End(ExecutionKind.Stale) with { Reason = stale.Message };
                var written = ((Written)result).Document;
                var after = Read(docType, written, target, snapshot);
                run.Wrote = true;
                run.Committed = false;
                run.Latest[target] = written;
                run.Logs.Add(RecordBuilder.Log(docType.Name, run.CloudName, run.LocalName, "update", RecordBuilder.DirectionTo(target), "success",
                    $"updated {target.ToWire()} {name}: {string.Join(", ", payload.Fields)}", FieldDiff.ToJson(current.Document, after.Document, docType.Rules)));
            }
        }

        foreach (var step in update.StepsAfter)
        {
            if (await StepAsync(docType, target, name, step, snapshot, run, cancellationToken) is { } stop)
                return stop;
        }

        return null;
    }

    private async Task<ExecutionResult?> DeleteAsync(DocTypeContext docType, PlannedDelete delete, PairSnapshot snapshot, Progress run, CancellationToken cancellationToken)
    {
        var target = delete.Target;
        var planned = run.Latest[target];
        if (planned is null)
            return null;
        var name = Name(planned);
        foreach (var step in delete.StepsBefore)
        {
            if (await StepAsync(docType, target, name, step, snapshot, run, cancellationToken) is { } stop)
                return stop;
        }

        // Frappe deletes unconditionally: make sure nobody edited the document since it was read.
        var fresh = await sites[target].GetAsync(docType.Name, name, cancellationToken);
        if (fresh is not null && !ModifiedStamp.Same(Modified(fresh), Modified(run.Latest[target]!)))
            return run.End(ExecutionKind.Stale) with { Reason = $"{target.ToWire()} {name} changed before it could be deleted" };
        if (fresh is not null)
            await sites[target].DeleteAsync(docType.Name, name, cancellationToken);

        run.Wrote = true;
        run.Committed = false;
        run.Latest[target] = null;
        run.Logs.Add(RecordBuilder.Log(docType.Name, run.CloudName, run.LocalName, "delete", RecordBuilder.DirectionTo(target), "success",
            $"deleted {target.ToWire()} {name}", FieldDiff.ToJson(snapshot.Side(target).Document, null, docType.Rules)));
        return null;
    }

    private async Task<ExecutionResult?> StepAsync(DocTypeContext docType, SiteName target, string name, LifecycleStep step, PairSnapshot snapshot, Progress run, CancellationToken cancellationToken)
    {
        var before = run.Latest[target] ?? throw new InvalidOperationException($"A docstatus step on {target.ToWire()} {docType.Name} {name} has no document.");
        var site = sites[target];
        var result = step == LifecycleStep.Submit
            ? await site.SubmitAsync(docType.Name, name, Modified(before), cancellationToken)
            : await site.CancelAsync(docType.Name, name, Modified(before), cancellationToken);
        if (result is StaleWrite stale)
            return run.End(ExecutionKind.Stale) with { Reason = stale.Message };

        var written = ((Written)result).Document;
        run.Committed = false;
        var from = Docstatus.Describe(Read(docType, before, target, snapshot).Docstatus);
        var to = Read(docType, written, target, snapshot).Docstatus;
        run.Wrote = true;
        run.Latest[target] = written;
        var (verb, done) = step == LifecycleStep.Submit ? ("submit", "submitted") : ("cancel", "cancelled");
        run.Logs.Add(RecordBuilder.Log(docType.Name, run.CloudName, run.LocalName, verb, RecordBuilder.DirectionTo(target), "success",
            $"{done} {target.ToWire()} {name}",
            CanonicalJson.Serialize(new JsonObject { ["docstatus"] = new JsonArray(from, Docstatus.Describe(to)) })));
        return null;
    }

    private static SideState Read(DocTypeContext docType, JsonObject document, SiteName site, PairSnapshot snapshot) =>
        SideReader.Read(document, docType.Meta, docType.Rules, site, snapshot.Names);

    private static string Name(JsonObject document) =>
        ValueNormalizer.Text(document["name"])?.GetValue<string>() ?? throw new InvalidOperationException("A document the site returned has no name.");

    private static string? Modified(JsonObject document) => ValueNormalizer.Text(document["modified"])?.GetValue<string>();

    /// <summary>What the writes so far produced.</summary>
    private sealed class Progress(PairSnapshot snapshot)
    {
        public Dictionary<SiteName, JsonObject?> Latest { get; } = new() { [SiteName.Cloud] = snapshot.CloudRaw, [SiteName.Local] = snapshot.LocalRaw };

        public List<SyncLogEntry> Logs { get; } = [];

        public SyncRecord? Record { get; set; } = snapshot.Record;

        public bool Wrote { get; set; }

        public bool Committed { get; set; }

        public string? CloudName => Name(SiteName.Cloud);

        public string? LocalName => Name(SiteName.Local);

        public ExecutionResult End(ExecutionKind kind) => new(kind)
        {
            Cloud = Latest[SiteName.Cloud],
            Local = Latest[SiteName.Local],
            Record = Record,
            Logs = Logs.ToList(),
            Wrote = Wrote,
            Committed = Committed,
        };

        private string? Name(SiteName site) =>
            (Latest[site] is { } document ? ValueNormalizer.Text(document["name"])?.GetValue<string>() : null) ?? Record?.NameOn(site) ?? snapshot.Side(site).Name;
    }
}
