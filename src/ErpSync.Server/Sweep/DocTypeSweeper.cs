using System.Text.Json;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Server.Metrics;

namespace ErpSync.Server.Sweep;

/// <summary>
/// Sweeps one DocType on one site: documents whose <c>(modified, name)</c> is past the stored cursor (re-reading
/// an overlap window behind it) and <c>Deleted Document</c> rows past theirs. A document is queued unless the
/// store already holds exactly that <c>modified</c> for it on this site (it was synced, or it is our own write);
/// a deletion is queued when the store knows the document and has not recorded it deleted. Items are queued in
/// batches and the cursor is stored only after each batch is durably queued, so a crash never skips anything.
/// </summary>
internal sealed class DocTypeSweeper(ISyncStore store, IWorkQueue queue, ServerOptions options, ServerMetrics metrics)
{
    private const int Batch = 200;

    public async Task<int> SweepModifiedAsync(IFrappeSite site, string docType, CancellationToken cancellationToken)
    {
        var cursor = await store.GetCursorAsync(site.Site, docType, CursorKind.Modified, cancellationToken);
        var from = StartFrom(cursor);
        var pending = new List<NewQueueItem>();
        var last = cursor;
        var stored = cursor;
        var queued = 0;
        await foreach (var stamp in site.ListModifiedSinceAsync(docType, from, cancellationToken))
        {
            if (last is null || SweepTimestamp.Compare(stamp.Modified, stamp.Name, last.Timestamp, last.Name) > 0)
                last = new DocCursor(stamp.Modified, stamp.Name);
            var record = await store.FindRecordAsync(docType, site.Site, stamp.Name, cancellationToken);
            if (record is not null && ModifiedOn(record, site.Site) == stamp.Modified)
                continue;
            pending.Add(new NewQueueItem(site.Site, docType, stamp.Name, "sweep", Note("modified", stamp.Modified)));
            if (pending.Count >= Batch)
            {
                queued += await FlushAsync(site.Site, docType, CursorKind.Modified, pending, last, cancellationToken);
                stored = last;
            }
        }

        queued += await FlushAsync(site.Site, docType, CursorKind.Modified, pending, last != stored ? last : null, cancellationToken);
        if (queued > 0)
            metrics.SweepQueued(site.Site.ToWire(), docType, "modified", queued);
        return queued;
    }

    public async Task<int> SweepDeletedAsync(IFrappeSite site, string docType, CancellationToken cancellationToken)
    {
        var cursor = await store.GetCursorAsync(site.Site, docType, CursorKind.Deleted, cancellationToken);
        var from = StartFrom(cursor);
        var pending = new List<NewQueueItem>();
        var last = cursor;
        var stored = cursor;
        var queued = 0;
        await foreach (var deleted in site.ListDeletedSinceAsync(docType, from, cancellationToken))
        {
            if (last is null || SweepTimestamp.Compare(deleted.Creation, deleted.Name, last.Timestamp, last.Name) > 0)
                last = new DocCursor(deleted.Creation, deleted.Name);
            var record = await store.FindRecordAsync(docType, site.Site, deleted.DeletedName, cancellationToken);
            if (record is null || record.Status == SyncStatus.Deleted)
                continue;
            pending.Add(new NewQueueItem(site.Site, docType, deleted.DeletedName, "sweep_on_trash", Note("deleted", deleted.Creation)));
            if (pending.Count >= Batch)
            {
                queued += await FlushAsync(site.Site, docType, CursorKind.Deleted, pending, last, cancellationToken);
                stored = last;
            }
        }

        queued += await FlushAsync(site.Site, docType, CursorKind.Deleted, pending, last != stored ? last : null, cancellationToken);
        if (queued > 0)
            metrics.SweepQueued(site.Site.ToWire(), docType, "deleted", queued);
        return queued;
    }

    // Without an overlap the listing resumes just after the cursor's row; with one it re-reads the window before it.
    private DocCursor? StartFrom(DocCursor? cursor) =>
        cursor is null ? null
        : options.SweepOverlap == TimeSpan.Zero ? cursor
        : new DocCursor(SweepTimestamp.Back(cursor.Timestamp, options.SweepOverlap), "");

    private async Task<int> FlushAsync(SiteName site, string docType, CursorKind kind, List<NewQueueItem> pending, DocCursor? cursor, CancellationToken cancellationToken)
    {
        var count = pending.Count;
        if (count > 0)
            await queue.EnqueueManyAsync(pending.ToList(), cancellationToken);
        pending.Clear();
        if (cursor is not null)
            await store.SetCursorAsync(site, docType, kind, cursor, cancellationToken);
        return count;
    }

    private static string? ModifiedOn(SyncRecord record, SiteName site) => site == SiteName.Cloud ? record.CloudModified : record.LocalModified;

    private static string Note(string key, string value) => JsonSerializer.Serialize(new Dictionary<string, string> { ["source"] = "sweep", [key] = value });
}
