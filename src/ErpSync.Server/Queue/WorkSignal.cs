namespace ErpSync.Server.Queue;

/// <summary>
/// Wakes the queue loop: set by the webhook intake after an enqueue, by the sweep and when a worker slot
/// frees. A set that happens while nobody waits is remembered until the next wait, so no wake-up is lost
/// between the loop's claim and its sleep.
/// </summary>
internal sealed class WorkSignal
{
    private readonly object _gate = new();
    private TaskCompletionSource _set = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set()
    {
        lock (_gate)
            _set.TrySetResult();
    }

    /// <summary>Forgets a set nobody has waited for yet (the work it asked for is starting now).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            if (_set.Task.IsCompleted)
                _set = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>
    /// Waits until <see cref="Set"/> (or a set not yet consumed), until <paramref name="timeout"/> passes on
    /// <paramref name="time"/>, or until cancelled; then consumes the set. An infinite timeout waits for a set only.
    /// <paramref name="waiting"/> runs once the wait (and its timer) is in place and nothing has woken it yet.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, Action? waiting = null)
    {
        Task signalled;
        lock (_gate)
            signalled = _set.Task;

        if (!signalled.IsCompleted && timeout != TimeSpan.Zero)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = timeout == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, stop.Token) : Task.Delay(timeout, time, stop.Token);
            if (!signalled.IsCompleted && !delay.IsCompleted)
                waiting?.Invoke();
            await Task.WhenAny(signalled, delay);
            await stop.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        lock (_gate)
        {
            if (_set.Task.IsCompleted)
                _set = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
