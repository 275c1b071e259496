namespace ErpSync.Server.Upkeep;

/// <summary>Counts finished passes of a periodic worker and lets callers (tests, <c>/status</c>) wait for the next one without polling.</summary>
internal sealed class PassCounter
{
    private readonly object _gate = new();
    private long _count;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Count
    {
        get
        {
            lock (_gate)
                return _count;
        }
    }

    public void Increment()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            _count++;
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    /// <summary>Returns once at least <paramref name="count"/> passes have finished.</summary>
    public async Task WaitForAsync(long count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_count >= count)
                    return;
                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }
}
