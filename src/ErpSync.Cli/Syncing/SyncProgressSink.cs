using System.Collections.Concurrent;
using ErpSync.Cli.Internal.Output;
using ErpSync.Core.Sync;
using Spectre.Console;

namespace ErpSync.Cli.Syncing;

/// <summary>
/// Receives the engine's progress (from several workers at once). On a terminal it drives one Spectre progress
/// bar per DocType with live counts; otherwise it prints one plain line when a DocType is done, so a log or a
/// pipe gets a steady, greppable record. Reports synchronously: <see cref="Progress{T}"/> would post to a
/// context the CLI does not have and reorder events.
/// </summary>
internal sealed class SyncProgressSink(CliOutput output, ProgressContext? live, bool print = true) : IProgress<SyncProgress>
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Bar> bars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> totals = new(StringComparer.Ordinal);

    /// <summary>The last total reported per DocType, in the order the DocTypes ran.</summary>
    public IReadOnlyList<(string DocType, int Total)> Totals
    {
        get
        {
            lock (gate) return bars.Values.OrderBy(b => b.Order).Select(b => (b.DocType, totals.GetValueOrDefault(b.DocType))).ToList();
        }
    }

    public void Report(SyncProgress value)
    {
        lock (gate)
        {
            var total = value.Total ?? value.Done;
            totals[value.DocType] = total;
            if (!bars.TryGetValue(value.DocType, out var bar))
            {
                bar = new Bar(value.DocType, bars.Count, live?.AddTask(Markup.Escape(value.DocType), maxValue: Math.Max(total, 1)));
                bars[value.DocType] = bar;
            }

            switch (value.Latest?.Kind)
            {
                case SyncOutcomeKind.Applied: bar.Applied++; break;
                case SyncOutcomeKind.Conflict: bar.Conflicts++; break;
                case SyncOutcomeKind.Failed or SyncOutcomeKind.Waiting: bar.Failed++; break;
            }

            if (bar.Task is { } task)
            {
                task.MaxValue = Math.Max(total, 1);
                task.Value = total == 0 ? 1 : value.Done;
                task.Description = $"{Markup.Escape(value.DocType)} [green]{bar.Applied} changed[/] [yellow]{bar.Conflicts} conflicts[/] [red]{bar.Failed} failed[/] [grey]{value.Done}/{total}[/]";
            }
            else if (value.Done >= total && !bar.Finished)
            {
                bar.Finished = true;
                if (print) output.Line($"{value.DocType}: {total} document(s) checked");
            }
        }
    }

    private sealed class Bar(string docType, int order, ProgressTask? task)
    {
        public string DocType { get; } = docType;

        public int Order { get; } = order;

        public ProgressTask? Task { get; } = task;

        public int Applied { get; set; }

        public int Conflicts { get; set; }

        public int Failed { get; set; }

        public bool Finished { get; set; }
    }
}
