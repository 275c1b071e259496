namespace ErpSync.Server.Webhooks;

/// <summary>Open while the server accepts webhooks; closed for good when shutdown begins (new webhooks get 503).</summary>
internal sealed class IntakeGate
{
    private volatile bool _open = true;

    public bool IsOpen => _open;

    public void Close() => _open = false;
}
