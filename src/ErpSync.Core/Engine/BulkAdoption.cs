using System.Collections.Concurrent;
using ErpSync.Core.Decisions;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using Microsoft.Extensions.Logging;

namespace ErpSync.Core.Engine;

/// <summary>
/// Pairs mapped documents that no pair knows on either site but that are copies of each other — after the state
/// database was reset, or when both sites were filled independently — instead of copying each across (which would
/// duplicate every one). Documents match on their identifying content (<see cref="IdentityProjection"/>); several
/// identical ones pair in order of creation. Each pairing is made under the creation lock after checking that
/// neither document was paired meanwhile.
/// </summary>
internal sealed class BulkAdoption(SitePair sites, IDocumentLocks locks, ISyncStore store, NameMapLoader nameMaps, SyncEngineOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>Pairs what matches; returns the outcomes and the documents left to copy.</summary>
    public async Task<(IReadOnlyList<SyncOutcome> Outcomes, IReadOnlyList<WorkItem> Remaining)> RunAsync(
        EngineSetup setup, DocTypeContext docType, IReadOnlyList<string> unknownCloud, IReadOnlyList<string> unknownLocal, bool dryRun, CancellationToken cancellationToken)
    {
        var remaining = unknownCloud.Select(n => new WorkItem(SiteName.Cloud, n)).Concat(unknownLocal.Select(n => new WorkItem(SiteName.Local, n))).ToList();
        if (unknownCloud.Count == 0 || unknownLocal.Count == 0)
            return ([], remaining);

        var cloud = await ReadAllAsync(setup, docType, SiteName.Cloud, unknownCloud, cancellationToken);
        var local = await ReadAllAsync(setup, docType, SiteName.Local, unknownLocal, cancellationToken);
        var localByIdentity = local.GroupBy(c => c.Identity).ToDictionary(g => g.Key, g => new Queue<Candidate>(g.OrderBy(c => c.Creation, StringComparer.Ordinal).ThenBy(c => c.State.Name, StringComparer.Ordinal)));
        var outcomes = new List<SyncOutcome>();
        foreach (var candidate in cloud.OrderBy(c => c.Creation, StringComparer.Ordinal).ThenBy(c => c.State.Name, StringComparer.Ordinal))
        {
            if (!localByIdentity.TryGetValue(candidate.Identity, out var matches) || !matches.TryDequeue(out var match))
                continue;
            var outcome = await PairAsync(docType, candidate.State, match.State, dryRun, cancellationToken);
            if (outcome is null)
                continue;
            outcomes.Add(outcome);
            remaining.Remove(new WorkItem(SiteName.Cloud, candidate.State.Name!));
            remaining.Remove(new WorkItem(SiteName.Local, match.State.Name!));
            if (candidate.State.Docstatus != match.State.Docstatus && !dryRun)
                remaining.Add(new WorkItem(SiteName.Cloud, candidate.State.Name!)); // paired; its docstatus still has to follow
        }

        return (outcomes, remaining);
    }

    private async Task<SyncOutcome?> PairAsync(DocTypeContext docType, SideState cloud, SideState local, bool dryRun, CancellationToken cancellationToken)
    {
        const string how = "identical content on both sites, neither paired";
        if (dryRun)
            return new SyncOutcome(docType.Name, cloud.Name, local.Name, SyncOutcomeKind.Applied, "pair", "converged", "would pair: " + how);

        await using var creation = await locks.AcquireAsync(LockKeys.Creation(docType.Name), cancellationToken);
        if (await store.FindRecordAsync(docType.Name, SiteName.Cloud, cloud.Name!, cancellationToken) is not null ||
            await store.FindRecordAsync(docType.Name, SiteName.Local, local.Name!, cancellationToken) is not null)
            return null;

        var record = RecordBuilder.Synced(docType.Name, null, cloud, local, cloud.Document, "converged", time.GetUtcNow());
        var log = RecordBuilder.Log(docType.Name, cloud.Name, local.Name, "pair", "converged", "success", how);
        var saved = await store.CommitAsync(new SyncCommit(record, [log]), cancellationToken);
        EngineLog.Adopted(logger, docType.Name, saved.CloudName ?? "", saved.LocalName ?? "", how);
        return new SyncOutcome(docType.Name, saved.CloudName, saved.LocalName, SyncOutcomeKind.Applied, "pair", "converged", how);
    }

    private async Task<IReadOnlyList<Candidate>> ReadAllAsync(EngineSetup setup, DocTypeContext docType, SiteName site, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var read = new ConcurrentBag<Candidate>();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken }, async (name, token) =>
        {
            var document = await sites[site].GetAsync(docType.Name, name, token);
            if (document is null)
                return;
            var map = await nameMaps.LoadAsync(setup, docType, [(document, site)], token);
            var state = SideReader.Read(document, docType.Meta, docType.Rules, site, map);
            var creation = Canonical.ValueNormalizer.Text(document["creation"])?.GetValue<string>() ?? "";
            read.Add(new Candidate(state, IdentityProjection.Hash(state.Document!, docType.Meta, docType.Rules), creation));
        });
        return read.ToList();
    }

    private sealed record Candidate(SideState State, string Identity, string Creation);
}
