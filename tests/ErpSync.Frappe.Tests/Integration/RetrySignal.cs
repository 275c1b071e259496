using System.Diagnostics.Metrics;

namespace ErpSync.Frappe.Tests.Integration;

/// <summary>
/// Runs an action when the client counts its first retry (through its own <c>ErpSync.Frappe</c> meter), so a
/// test can heal an injected fault exactly between two attempts, without sleeping.
/// </summary>
internal sealed class RetrySignal : IDisposable
{
    private readonly MeterListener _listener = new();
    private int _retries;

    public RetrySignal(FrappeSiteClient client, Action onFirstRetry)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, client.Meter) && instrument.Name == "erpsync.frappe.retries")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) =>
        {
            if (Interlocked.Increment(ref _retries) == 1)
                onFirstRetry();
        });
        _listener.Start();
    }

    public int Retries => Volatile.Read(ref _retries);

    public void Dispose() => _listener.Dispose();
}
