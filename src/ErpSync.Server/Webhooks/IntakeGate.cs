namespace ErpSync.Server.Webhooks;

/// <summary>Open while the server accepts webhooks; closed for good when shutdown begins (new webhooks get 503).</summary>
internal sealed class IntakeGate
{
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen => !_closed.Task.IsCompleted;

    /// <summary>Completes when the gate closes.</summary>
    public Task Closed => _closed.Task;

    public void Close() => _closed.TrySetResult();
}
