using System.Diagnostics.Metrics;

namespace ErpSync.Benchmarks.Sync;

/// <summary>
/// Counts the HTTP requests the Frappe clients of this process send, per site, from the client's own
/// <c>erpsync.frappe.requests</c> counter (retries included: each attempt is a request).
/// </summary>
internal sealed class RequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _cloud;
    private long _local;

    public RequestCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ErpSync.Frappe" && instrument.Name == "erpsync.frappe.requests")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key != "site")
                    continue;
                if (tag.Value is "cloud")
                    Interlocked.Add(ref _cloud, value);
                else
                    Interlocked.Add(ref _local, value);
            }
        });
        _listener.Start();
    }

    public long Cloud => Interlocked.Read(ref _cloud);

    public long Local => Interlocked.Read(ref _local);

    public long Total => Cloud + Local;

    public void Dispose() => _listener.Dispose();
}
