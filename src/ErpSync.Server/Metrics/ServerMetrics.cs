using System.Diagnostics;
using System.Diagnostics.Metrics;
using ErpSync.Core.State;

namespace ErpSync.Server.Metrics;

/// <summary>
/// Instruments of the <c>ErpSync.Server</c> meter: webhooks received (source, result), queue depth (status) and
/// oldest pending age, processing duration (doctype, result), sync outcomes (doctype, result), conflicts, retries
/// and dead letters (doctype), sweep findings (site, doctype, kind) and busy workers.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "ErpSync.Server";

    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    private readonly Counter<long> _webhooks;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _sweepQueued;
    private readonly Counter<long> _sweepErrors;
    private readonly Counter<long> _leasesLost;
    private readonly object _gate = new();
    private QueueStats _queue = new();
    private DateTimeOffset _queueReadAt;
    private int _busyWorkers;

    public ServerMetrics(IMeterFactory meters, TimeProvider time)
    {
        Time = time;
        Meter = meters.Create(MeterName);
        _webhooks = Meter.CreateCounter<long>("erpsync.server.webhooks", "{webhook}", "Webhooks received, by source site and result");
        _duration = Meter.CreateHistogram<double>("erpsync.server.processing.duration", "s", "Time to process one queue item, by DocType and result",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _outcomes = Meter.CreateCounter<long>("erpsync.server.sync.outcomes", "{document}", "Sync outcomes of queue items, by DocType and result");
        _conflicts = Meter.CreateCounter<long>("erpsync.server.conflicts", "{conflict}", "Conflicts recorded by queue items, by DocType");
        _retries = Meter.CreateCounter<long>("erpsync.server.retries", "{retry}", "Queue items scheduled for another attempt, by DocType and reason");
        _deadLetters = Meter.CreateCounter<long>("erpsync.server.dead_letters", "{item}", "Queue items dead-lettered after their last attempt, by DocType");
        _sweepQueued = Meter.CreateCounter<long>("erpsync.server.sweep.queued", "{document}", "Documents the sweep queued, by site, DocType and kind");
        _sweepErrors = Meter.CreateCounter<long>("erpsync.server.sweep.errors", "{error}", "Sweeps of a site and DocType that failed");
        _leasesLost = Meter.CreateCounter<long>("erpsync.server.leases_lost", "{lease}", "Leases that expired while their item was still being processed");
        Meter.CreateObservableGauge("erpsync.server.queue.depth", ObserveDepth, "{item}", "Queue items by status, as of the last status or metrics read");
        Meter.CreateObservableGauge("erpsync.server.queue.oldest_pending_age", ObserveOldestAge, "s", "Age of the oldest pending or processing queue item");
        Meter.CreateObservableGauge("erpsync.server.workers.busy", () => Volatile.Read(ref _busyWorkers), "{worker}", "Queue items being processed by this process");
    }

    public Meter Meter { get; }

    private TimeProvider Time { get; }

    public void WebhookReceived(string source, string result) =>
        _webhooks.Add(1, new TagList { { "source", source }, { "result", result } });

    public void Processed(string docType, string result, TimeSpan duration)
    {
        _duration.Record(duration.TotalSeconds, new TagList { { "doctype", docType }, { "result", result } });
        _outcomes.Add(1, new TagList { { "doctype", docType }, { "result", result } });
        if (result == "conflict")
            _conflicts.Add(1, new TagList { { "doctype", docType } });
    }

    public void Retry(string docType, string reason) => _retries.Add(1, new TagList { { "doctype", docType }, { "reason", reason } });

    public void DeadLettered(string docType) => _deadLetters.Add(1, new TagList { { "doctype", docType } });

    public void SweepQueued(string site, string docType, string kind, int count) =>
        _sweepQueued.Add(count, new TagList { { "site", site }, { "doctype", docType }, { "kind", kind } });

    public void SweepFailed(string site, string docType) => _sweepErrors.Add(1, new TagList { { "site", site }, { "doctype", docType } });

    public void LeaseLost(string docType) => _leasesLost.Add(1, new TagList { { "doctype", docType } });

    public void WorkerBusy() => Interlocked.Increment(ref _busyWorkers);

    public void WorkerIdle() => Interlocked.Decrement(ref _busyWorkers);

    public int BusyWorkers => Volatile.Read(ref _busyWorkers);

    /// <summary>Keeps the latest queue figures for the observable gauges (read asynchronously by /status and /metrics).</summary>
    public void UpdateQueue(QueueStats stats)
    {
        lock (_gate)
        {
            _queue = stats;
            _queueReadAt = Time.GetUtcNow();
        }
    }

    private IEnumerable<Measurement<long>> ObserveDepth()
    {
        QueueStats stats;
        lock (_gate)
            stats = _queue;
        return
        [
            new(stats.Pending, new KeyValuePair<string, object?>("status", "pending")),
            new(stats.Retrying, new KeyValuePair<string, object?>("status", "retrying")),
            new(stats.Processing, new KeyValuePair<string, object?>("status", "processing")),
            new(stats.Processed, new KeyValuePair<string, object?>("status", "processed")),
            new(stats.Dead, new KeyValuePair<string, object?>("status", "dead")),
        ];
    }

    private double ObserveOldestAge()
    {
        lock (_gate)
        {
            return _queue.OldestPendingCreatedAt is { } oldest ? Math.Max(0, (_queueReadAt - oldest).TotalSeconds) : 0;
        }
    }

    public void Dispose() => Meter.Dispose();
}
