using System.Text;

namespace ErpSync.Benchmarks.Harness;

/// <summary>The results table, printed to the console and written as BENCHMARKS.md.</summary>
internal static class BenchmarkReport
{
    private const string Header = "| workload | figure | median | ceiling | ratio | target | result | runs |\n|---|---|---:|---:|---:|---|---|---|";

    /// <summary>The body of a workload run alone: reads the common settings, measures, prints its rows (exit code 0).</summary>
    public static async Task<int> RunAloneAsync(
        WorkloadArguments arguments,
        TextWriter output,
        Func<BenchmarkSettings, TextWriter, CancellationToken, Task<IReadOnlyList<ResultRow>>> measure,
        CancellationToken cancellationToken)
    {
        var settings = BenchmarkSettings.From(arguments);
        arguments.RejectUnknown();
        await PrintAsync(await measure(settings, output, cancellationToken), output);
        return 0;
    }

    public static async Task PrintAsync(IEnumerable<ResultRow> rows, TextWriter output)
    {
        await output.WriteLineAsync(Header);
        foreach (var row in rows)
            await output.WriteLineAsync(Line(row));
    }

    public static async Task WriteAsync(string path, IReadOnlyList<ResultRow> rows, BenchmarkSettings settings, TimeSpan elapsed, IReadOnlyList<(string Name, string Value)> machine, IEnumerable<string> notes, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.AppendLine("# ErpSync benchmarks");
        text.AppendLine();
        text.AppendLine("Written by `benchmarks/run` (`dotnet run -c Release --project benchmarks/ErpSync.Benchmarks -- all`). Every figure is");
        text.AppendLine("measured against two emulated Frappe sites in the benchmark process, over real HTTP on 127.0.0.1, with a real");
        text.AppendLine("state database. Each figure is the **median** of the runs listed in the last column; a ratio compares it with a");
        text.AppendLine("ceiling measured in the same run, because this machine is shared and noisy. Syncs run in a child process of");
        text.AppendLine("their own (`sync-run`), so their peak RSS is the sync's alone, not the emulated sites'.");
        text.AppendLine();
        var passed = rows.Count(r => r.Pass == true);
        var failed = rows.Count(r => r.Pass == false);
        text.AppendLine($"**Targets: {passed} met, {failed} missed.** Mode: {(settings.Quick ? "`--quick` (small datasets, one run each — a smoke run, not the figures of record)" : "full")}, {settings.Repeats} run(s) per figure, total time {Stats.F(elapsed.TotalMinutes, 1)} min.");
        text.AppendLine();
        text.AppendLine(Header);
        foreach (var row in rows)
            text.AppendLine(Line(row));
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        text.AppendLine("| fact | value |");
        text.AppendLine("|---|---|");
        foreach (var (name, value) in machine)
            text.AppendLine($"| {name} | {value} |");
        text.AppendLine();
        text.AppendLine("## Notes");
        text.AppendLine();
        foreach (var note in notes)
            text.AppendLine("- " + note);
        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }

    private static string Line(ResultRow r) =>
        $"| {r.Workload} | {r.Figure} | {r.Median} | {r.Ceiling} | {r.Ratio} | {r.Target} | {(r.Pass switch { true => "pass", false => "**FAIL**", null => "—" })} | {r.Runs} |";
}
