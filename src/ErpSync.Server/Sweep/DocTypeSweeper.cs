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

    public Task<int> SweepModifiedAsync(IFrappeSite site, string docType, CancellationToken cancellationToken) =>
        SweepAsync(site, docType, CursorKind.Modified, "modified",
            from => site.ListModifiedSinceAsync(docType, from, cancellationToken),
            stamp => new DocCursor(stamp.Modified, stamp.Name),
            stamp => stamp.Name,
            (stamp, record) => record is not null && ModifiedOn(record, site.Site) == stamp.Modified
                ? null
                : new NewQueueItem(site.Site, docType, stamp.Name, "sweep", Note("modified", stamp.Modified)),
            cancellationToken);

    public Task<int> SweepDeletedAsync(IFrappeSite site, string docType, CancellationToken cancellationToken) =>
        SweepAsync(site, docType, CursorKind.Deleted, "deleted",
            from => site.ListDeletedSinceAsync(docType, from, cancellationToken),
            deleted => new DocCursor(deleted.Creation, deleted.Name),
            deleted => deleted.DeletedName,
            (deleted, record) => record is null || record.Status == SyncStatus.Deleted
                ? null
                : new NewQueueItem(site.Site, docType, deleted.DeletedName, "sweep_on_trash", Note("deleted", deleted.Creation)),
            cancellationToken);

    /// <summary>
    /// Walks the rows past the cursor, queues what <paramref name="decide"/> asks for (given the store's record of
    /// the document), and advances the cursor after each durably queued batch.
    /// </summary>
    private async Task<int> SweepAsync<TRow>(
        IFrappeSite site,
        string docType,
        CursorKind kind,
        string metricKind,
        Func<DocCursor?, IAsyncEnumerable<TRow>> list,
        Func<TRow, DocCursor> position,
        Func<TRow, string> documentName,
        Func<TRow, SyncRecord?, NewQueueItem?> decide,
        CancellationToken cancellationToken)
    {
        var cursor = await store.GetCursorAsync(site.Site, docType, kind, cancellationToken);
        var pending = new List<NewQueueItem>();
        var last = cursor;
        var stored = cursor;
        var queued = 0;
        await foreach (var row in list(StartFrom(cursor)))
        {
            var at = position(row);
            if (last is null || SweepTimestamp.Compare(at.Timestamp, at.Name, last.Timestamp, last.Name) > 0)
                last = at;
            var record = await store.FindRecordAsync(docType, site.Site, documentName(row), cancellationToken);
            if (decide(row, record) is not { } item)
                continue;
            pending.Add(item);
            if (pending.Count >= Batch)
            {
                queued += await FlushAsync(site.Site, docType, kind, pending, last, cancellationToken);
                stored = last;
            }
        }

        queued += await FlushAsync(site.Site, docType, kind, pending, last != stored ? last : null, cancellationToken);
        if (queued > 0)
            metrics.SweepQueued(site.Site.ToWire(), docType, metricKind, queued);
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
