using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>
/// Compares both sites' (name, modified) lists with the stored pairs, without fetching a single document: a synced
/// pair whose stored <c>modified</c> strings still match both sites is unchanged; a tombstone with nothing
/// reappearing stays a tombstone; a conflict nobody touched since waits for a person; everything else — changed,
/// vanished, waiting, failed, new — is work.
/// </summary>
internal static class WorkListBuilder
{
    /// <summary>The work of one DocType run.</summary>
    public static WorkList Build(DocTypeContext docType, IEnumerable<SyncRecord> records, IEnumerable<DocStamp> cloudStamps, IEnumerable<DocStamp> localStamps)
    {
        var cloud = Index(cloudStamps);
        var local = Index(localStamps);
        var items = new List<WorkItem>();
        var awaiting = new List<SyncOutcome>();
        var unchanged = 0;
        foreach (var record in records)
        {
            var cloudModified = Take(cloud, record.CloudName);
            var localModified = Take(local, record.LocalName);
            switch (record.Status)
            {
                case SyncStatus.Deleted when cloudModified is null && localModified is null:
                    unchanged++;
                    continue;
                case SyncStatus.Synced when record.CloudName is not null && record.LocalName is not null &&
                                           ModifiedStamp.Same(cloudModified, record.CloudModified) && ModifiedStamp.Same(localModified, record.LocalModified):
                    unchanged++;
                    continue;
                case SyncStatus.Conflict when ModifiedStamp.Same(cloudModified, record.CloudModified) && ModifiedStamp.Same(localModified, record.LocalModified):
                    awaiting.Add(Outcomes.Conflict(docType.Name, record.CloudName, record.LocalName, $"waits for its conflict to be resolved: {record.ErrorMessage}"));
                    continue;
            }

            items.Add(record.CloudName is { } cloudName ? new WorkItem(SiteName.Cloud, cloudName) : new WorkItem(SiteName.Local, record.LocalName!));
        }

        if (docType.IsMapped)
            return new WorkList(items, unchanged, awaiting, cloud.Keys.Order(StringComparer.Ordinal).ToList(), local.Keys.Order(StringComparer.Ordinal).ToList());

        // Same-named documents pair by name: one item per name, found on one site or both.
        foreach (var name in cloud.Keys.Order(StringComparer.Ordinal))
        {
            local.Remove(name);
            items.Add(new WorkItem(SiteName.Cloud, name));
        }

        items.AddRange(local.Keys.Order(StringComparer.Ordinal).Select(name => new WorkItem(SiteName.Local, name)));
        return new WorkList(items, unchanged, awaiting, [], []);
    }

    private static Dictionary<string, string> Index(IEnumerable<DocStamp> stamps)
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stamp in stamps)
            index[stamp.Name] = stamp.Modified;
        return index;
    }

    private static string? Take(Dictionary<string, string> stamps, string? name) =>
        name is not null && stamps.Remove(name, out var modified) ? modified : null;
}
