namespace ErpSync.Core.State;

/// <summary>
/// Mutual exclusion per key (a document pair), within a process and — on PostgreSQL — across processes
/// sharing the database, so one pair is never synced twice at once.
/// </summary>
public interface IDocumentLocks
{
    /// <summary>Waits for the lock on <paramref name="key"/>; disposing the result releases it.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}
