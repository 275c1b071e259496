namespace ErpSync.Core.State;

/// <summary>
/// The durable queue of document events (<c>webhook_queue</c>), shared safely by several workers and,
/// on PostgreSQL, several processes. Items are "this document may have changed" markers: processing
/// re-reads the document, so coalescing events of one document loses nothing.
/// </summary>
public interface IWorkQueue
{
    /// <summary>Queues one event; returns its id only after the row is durably committed.</summary>
    Task<long> EnqueueAsync(NewQueueItem item, CancellationToken cancellationToken);

    /// <summary>Queues many events in one transaction (the sweep); durable on return.</summary>
    Task EnqueueManyAsync(IReadOnlyList<NewQueueItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="maxItems"/> due items (pending with <c>next_attempt_at</c> passed, or
    /// processing with an expired lease) for <paramref name="owner"/>, at most one per document
    /// (source, doctype, docname); other pending items of a claimed document are marked processed
    /// (coalesced). Increments <see cref="QueueItem.Attempts"/>. Oldest first.
    /// </summary>
    Task<IReadOnlyList<QueueItem>> ClaimAsync(string owner, int maxItems, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a lease still held by <paramref name="owner"/>; <c>false</c> if it was lost.</summary>
    Task<bool> RenewLeaseAsync(long id, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed item processed.</summary>
    Task CompleteAsync(long id, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt: back to pending until <paramref name="retryAt"/>, or dead-lettered when
    /// <paramref name="retryAt"/> is <c>null</c>.
    /// </summary>
    Task FailAsync(long id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Returns a claimed item to pending without counting the attempt (graceful shutdown).</summary>
    Task ReleaseAsync(long id, string owner, CancellationToken cancellationToken);

    /// <summary>Re-queues dead-lettered items (of one DocType, or all) as due now with attempts reset; returns how many.</summary>
    Task<int> RequeueDeadAsync(string? docType, CancellationToken cancellationToken);

    /// <summary>Depth and age figures.</summary>
    Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>The earliest time an item becomes claimable (now if one is due), or <c>null</c> when nothing waits.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken);
}
