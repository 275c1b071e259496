using System.Diagnostics.Metrics;

namespace ErpSync.Server.Metrics;

/// <summary>
/// Aggregates the measurements of this server's own <c>ErpSync.Server</c> meter and of every
/// <c>ErpSync.Core</c> and <c>ErpSync.Frappe</c> meter in the process, with a <see cref="MeterListener"/>:
/// counters summed, gauges and observable instruments kept at their last value, histograms bucketed (by the
/// instrument's advice, or latency buckets in seconds). <see cref="Collect"/> reads the observable instruments
/// and returns families named for Prometheus.
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    public static readonly IReadOnlySet<string> ForeignMeters = new HashSet<string>(StringComparer.Ordinal) { "ErpSync.Core", "ErpSync.Frappe" };

    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly MeterListener _listener = new();
    private readonly Meter _own;
    private readonly object _gate = new();
    private readonly Dictionary<Instrument, InstrumentState> _instruments = [];

    public MetricsCollector(Meter own)
    {
        _own = own;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _own || ForeignMeters.Contains(instrument.Meter.Name))
            {
                lock (_gate)
                    _instruments.TryAdd(instrument, new InstrumentState(instrument));
                listener.EnableMeasurementEvents(instrument, this);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_gate)
                _instruments.Remove(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<short>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<byte>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, (double)v, tags));
        _listener.Start();
    }

    public IReadOnlyList<MetricFamily> Collect()
    {
        _listener.RecordObservableInstruments();
        InstrumentState[] states;
        lock (_gate)
            states = _instruments.Values.ToArray();

        // Instruments of several meters with one name (two sites' clients) merge into one family.
        return states
            .GroupBy(s => s.FamilyName, StringComparer.Ordinal)
            .Select(g => new MetricFamily(g.Key, g.First().Help, g.First().Kind, g.SelectMany(s => s.Snapshot()).GroupBy(s => LabelKey(s.Labels)).Select(Merge).ToList()))
            .Where(f => f.Series.Count > 0)
            .ToList();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        InstrumentState? state;
        lock (_gate)
            _instruments.TryGetValue(instrument, out state);
        state?.Record(value, tags);
    }

    private static string LabelKey(IReadOnlyList<KeyValuePair<string, string>> labels) => string.Join('\u0001', labels.Select(l => l.Key + "=" + l.Value));

    private static MetricSeries Merge(IGrouping<string, MetricSeries> same)
    {
        var first = same.First();
        if (!same.Skip(1).Any())
            return first;
        var buckets = first.BucketCounts.Count == 0 ? [] : Enumerable.Range(0, first.BucketCounts.Count).Select(i => same.Sum(s => i < s.BucketCounts.Count ? s.BucketCounts[i] : 0)).ToList();
        return first with { Value = same.Sum(s => s.Value), BucketCounts = buckets, Sum = same.Sum(s => s.Sum), Count = same.Sum(s => s.Count) };
    }

    private sealed class InstrumentState
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
        private readonly bool _cumulativeObservation;
        private readonly double[] _bounds;

        public InstrumentState(Instrument instrument)
        {
            var type = instrument.GetType();
            var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            (Kind, _cumulativeObservation) = definition switch
            {
                _ when definition == typeof(Counter<>) => (MetricKind.Counter, false),
                _ when definition == typeof(Histogram<>) => (MetricKind.Histogram, false),
                _ when definition == typeof(UpDownCounter<>) => (MetricKind.Gauge, false),
                _ when definition == typeof(ObservableCounter<>) => (MetricKind.Counter, true),
                _ => (MetricKind.Gauge, true),
            };
            _bounds = Kind == MetricKind.Histogram ? BoundsOf(instrument) : [];
            Help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description!;
            FamilyName = PrometheusName(instrument.Name, instrument.Unit, Kind);
        }

        public MetricKind Kind { get; }

        public string Help { get; }

        public string FamilyName { get; }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = new List<KeyValuePair<string, string>>(tags.Length);
            foreach (var (key, tagValue) in tags)
                labels.Add(new(key, Convert.ToString(tagValue, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
            labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            var key2 = LabelKey(labels);
            lock (_gate)
            {
                if (!_series.TryGetValue(key2, out var series))
                    _series[key2] = series = new Series(labels, _bounds.Length + 1);
                switch (Kind)
                {
                    case MetricKind.Histogram:
                        var bucket = Array.FindIndex(_bounds, b => value <= b);
                        series.Buckets[bucket < 0 ? _bounds.Length : bucket]++;
                        series.Sum += value;
                        series.Count++;
                        break;
                    default:
                        series.Value = _cumulativeObservation ? value : series.Value + value;
                        break;
                }
            }
        }

        public IEnumerable<MetricSeries> Snapshot()
        {
            lock (_gate)
            {
                return _series.Values.Select(s => new MetricSeries(s.Labels, s.Value)
                {
                    Bounds = _bounds,
                    BucketCounts = Kind == MetricKind.Histogram ? s.Buckets.ToArray() : [],
                    Sum = s.Sum,
                    Count = s.Count,
                }).ToList();
            }
        }

        private static double[] BoundsOf(Instrument instrument) => instrument switch
        {
            Histogram<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } advice } => advice.ToArray(),
            Histogram<long> { Advice.HistogramBucketBoundaries: { Count: > 0 } advice } => advice.Select(b => (double)b).ToArray(),
            Histogram<int> { Advice.HistogramBucketBoundaries: { Count: > 0 } advice } => advice.Select(b => (double)b).ToArray(),
            _ => DefaultBuckets,
        };

        private static string PrometheusName(string name, string? unit, MetricKind kind)
        {
            var baseName = PrometheusWriter.SanitizeName(name);
            var suffix = unit switch
            {
                "s" => "_seconds",
                "ms" => "_milliseconds",
                "By" => "_bytes",
                _ => "",
            };
            if (suffix.Length > 0 && !baseName.EndsWith(suffix, StringComparison.Ordinal))
                baseName += suffix;
            return kind == MetricKind.Counter && !baseName.EndsWith("_total", StringComparison.Ordinal) ? baseName + "_total" : baseName;
        }
    }

    private sealed class Series(IReadOnlyList<KeyValuePair<string, string>> labels, int buckets)
    {
        public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

        public double Value { get; set; }

        public long[] Buckets { get; } = new long[buckets];

        public double Sum { get; set; }

        public long Count { get; set; }
    }
}
