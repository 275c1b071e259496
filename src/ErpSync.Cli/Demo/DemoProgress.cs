using System.Globalization;
using ErpSync.Cli.Internal.Output;
using ErpSync.Core.Sync;

namespace ErpSync.Cli.Demo;

/// <summary>
/// Full-sync progress for the demo: one line per DocType as it finishes, with its count. The engine reports from
/// several tasks at once and synchronously, so lines are written under a lock.
/// </summary>
internal sealed class DemoProgress(CliOutput output) : IProgress<SyncProgress>
{
    private readonly Lock gate = new();
    private readonly HashSet<string> finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Applied, int Other)> outcomes = new(StringComparer.Ordinal);

    public void Report(SyncProgress value)
    {
        lock (gate)
        {
            var counts = outcomes.GetValueOrDefault(value.DocType);
            if (value.Latest is { } latest)
                counts = latest.Kind == SyncOutcomeKind.Applied ? (counts.Applied + 1, counts.Other) : (counts.Applied, counts.Other + 1);
            outcomes[value.DocType] = counts;
            if (value.Total is not { } total || value.Done < total || !finished.Add(value.DocType)) return;
            var bar = new string('#', 20);
            output.Line(string.Create(CultureInfo.InvariantCulture, $"  {value.DocType,-14} [{bar}] {value.Done,3}/{total,-3} {counts.Applied} copied"));
        }
    }
}
