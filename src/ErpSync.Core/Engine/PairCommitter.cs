using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>
/// Writes a pair's new state to the store. The first record of a pair is only ever written under the DocType's
/// creation lock after checking that no other worker recorded either document meanwhile, so a pair is never
/// recorded twice.
/// </summary>
internal sealed class PairCommitter(ISyncStore store, IDocumentLocks locks)
{
    /// <summary>Commits <paramref name="commit"/>; <c>null</c> when its new record lost a race to another worker's (plan again).</summary>
    public async Task<SyncRecord?> CommitAsync(string docType, SyncCommit commit, CancellationToken cancellationToken)
    {
        if (commit.Record.Id != 0)
            return await store.CommitAsync(commit, cancellationToken);

        await using var creation = await locks.AcquireAsync(LockKeys.Creation(docType), cancellationToken);
        foreach (var site in new[] { SiteName.Cloud, SiteName.Local })
        {
            if (commit.Record.NameOn(site) is { } name && await store.FindRecordAsync(docType, site, name, cancellationToken) is not null)
                return null;
        }

        return await store.CommitAsync(commit, cancellationToken);
    }

    /// <summary>Appends audit rows of writes that were made although the pair could not be committed.</summary>
    public async Task AppendAsync(IEnumerable<SyncLogEntry> logs, CancellationToken cancellationToken)
    {
        foreach (var log in logs)
            await store.AppendLogAsync(log, cancellationToken);
    }

    /// <summary>The unresolved conflict of the pair <paramref name="recordId"/>, if any.</summary>
    public async Task<ConflictRecord?> OpenConflictAsync(long recordId, CancellationToken cancellationToken)
    {
        var open = await store.ListConflictsAsync(includeResolved: false, cancellationToken);
        return open.FirstOrDefault(c => c.SyncRecordId == recordId);
    }

    /// <summary>Marks an earlier conflict settled by what happened since (a new conflict, agreement, an applied change).</summary>
    public async Task SupersedeAsync(ConflictRecord? open, string resolution, CancellationToken cancellationToken)
    {
        if (open is null)
            return;
        try
        {
            await store.ResolveConflictAsync(open.Id, resolution, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Resolved meanwhile by a person: their resolution stands.
        }
    }
}
