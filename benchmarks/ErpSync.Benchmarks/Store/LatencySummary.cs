using System.Diagnostics;

namespace ErpSync.Benchmarks.Store;

/// <summary>Throughput and latency percentiles of one measured run.</summary>
internal sealed record LatencySummary(long Items, double ItemsPerSecond, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>The median of each figure over several runs.</summary>
    public static LatencySummary Median(IReadOnlyList<LatencySummary> runs) => new(
        (long)Median(runs.Select(r => (double)r.Items)),
        Median(runs.Select(r => r.ItemsPerSecond)),
        Median(runs.Select(r => r.P50Ms)),
        Median(runs.Select(r => r.P99Ms)),
        Median(runs.Select(r => r.MaxMs)));

    public static LatencySummary From(IEnumerable<long> elapsedTicks, TimeSpan duration)
    {
        var sorted = elapsedTicks.Order().ToArray();
        if (sorted.Length == 0)
            return new LatencySummary(0, 0, 0, 0, 0);
        return new LatencySummary(sorted.Length, sorted.Length / duration.TotalSeconds, Milliseconds(Percentile(sorted, 0.50)), Milliseconds(Percentile(sorted, 0.99)), Milliseconds(sorted[^1]));
    }

    // Nearest-rank: the smallest value with at least p of the samples at or below it.
    private static long Percentile(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
