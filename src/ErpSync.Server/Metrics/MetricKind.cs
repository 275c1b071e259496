namespace ErpSync.Server.Metrics;

/// <summary>The Prometheus type a family is exposed as.</summary>
internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
