namespace ErpSync.Benchmarks.Harness;

/// <summary>
/// One line of the results table: a figure's median over the repeats, the ceiling it is compared with (when it
/// has one), and the target. <see cref="Pass"/> is null when the figure has no target.
/// </summary>
internal sealed record ResultRow(string Workload, string Figure, string Median, string Ceiling, string Ratio, string Target, bool? Pass, string Runs)
{
    public static ResultRow Info(string workload, string figure, string median, string runs, string ceiling = "—", string ratio = "—") =>
        new(workload, figure, median, ceiling, ratio, "—", null, runs);
}
