namespace ErpSync.Emulator.Webhooks;

/// <summary>
/// Delivery attempts as they happen, plus the number of jobs still queued or running, with waits that wake
/// on each change (tests wait for a signal, never a sleep).
/// </summary>
internal sealed class WebhookDeliveryLog
{
    private readonly object _gate = new();
    private readonly List<WebhookDelivery> _deliveries = [];
    private TaskCompletionSource _changed = NewSignal();
    private int _pending;

    public IReadOnlyList<WebhookDelivery> Snapshot()
    {
        lock (_gate)
            return _deliveries.ToArray();
    }

    public int Pending
    {
        get
        {
            lock (_gate)
                return _pending;
        }
    }

    public void Clear()
    {
        lock (_gate)
            _deliveries.Clear();
        Pulse();
    }

    public void JobQueued()
    {
        lock (_gate)
            _pending++;
        Pulse();
    }

    public void JobFinished()
    {
        lock (_gate)
            _pending--;
        Pulse();
    }

    public void Add(WebhookDelivery delivery)
    {
        lock (_gate)
            _deliveries.Add(delivery);
        Pulse();
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the deliveries and pending count.</summary>
    public async Task WaitAsync(Func<IReadOnlyList<WebhookDelivery>, int, bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_deliveries, _pending))
                    return;
                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var seen = Snapshot();
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0.##} s waiting for {what}; {seen.Count} delivery attempt(s) recorded, {Pending} job(s) pending: " +
                    string.Join("; ", seen.TakeLast(10).Select(d => $"{d.Webhook} {d.Event} {d.DocType}/{d.DocName} attempt {d.Attempt} -> {d.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? d.Error ?? "dropped"}")));
            }
        }
    }

    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
