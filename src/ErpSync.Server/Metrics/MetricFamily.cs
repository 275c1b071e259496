namespace ErpSync.Server.Metrics;

/// <summary>One metric family ready to expose: its Prometheus name (with unit and <c>_total</c> suffixes), help, type and series.</summary>
internal sealed record MetricFamily(string Name, string Help, MetricKind Kind, IReadOnlyList<MetricSeries> Series);

/// <summary>
/// One labelled series. Counters and gauges use <see cref="Value"/>; histograms use <see cref="Bounds"/> (upper
/// bounds, ascending, without +Inf), <see cref="BucketCounts"/> (per bucket, not cumulative, one more than the
/// bounds for +Inf), <see cref="Sum"/> and <see cref="Count"/>.
/// </summary>
internal sealed record MetricSeries(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
{
    public IReadOnlyList<double> Bounds { get; init; } = [];

    public IReadOnlyList<long> BucketCounts { get; init; } = [];

    public double Sum { get; init; }

    public long Count { get; init; }
}
