using ErpSync.Core.State;

namespace ErpSync.Server.Queue;

/// <summary>
/// Renews an item's lease every third of its length while work on it runs, so a long sync is not taken over
/// by another worker; <see cref="Lost"/> tells whether a renewal found the lease gone.
/// </summary>
internal sealed class LeaseKeeper(IWorkQueue queue, QueueItem item, string owner, TimeSpan lease, TimeProvider time)
{
    private volatile bool _lost;

    public bool Lost => _lost;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(stop.Token);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await renewal;
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var every = lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, cancellationToken);
                try
                {
                    if (!await queue.RenewLeaseAsync(item.Id, owner, lease, cancellationToken))
                    {
                        _lost = true;
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed renewal is tried again next period; the lease is still valid for two more.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The work finished.
        }
    }
}
