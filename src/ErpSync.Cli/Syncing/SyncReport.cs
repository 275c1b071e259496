using System.Globalization;
using ErpSync.Cli.Internal.Output;
using ErpSync.Core.Sync;

namespace ErpSync.Cli.Syncing;

/// <summary>The end of a sync run: per-DocType counts, what failed or conflicts (or, in a dry run, what would be written), and the totals line.</summary>
internal sealed record SyncReport(SyncSummary Summary, IReadOnlyList<DocTypeTally> DocTypes, bool DryRun, string Direction)
{
    /// <summary>Detail lines shown before pointing at <c>erpsync logs</c>.</summary>
    public const int MaxDetailLines = 25;

    public string TotalsLine =>
        $"Total: {Summary.Total}, Success: {Summary.Success}, Failed: {Summary.Failed}, Conflicts: {Summary.Conflicts}, Skipped: {Summary.Skipped}";

    public void Write(CliOutput output)
    {
        if (DocTypes.Count > 1 || (DocTypes.Count == 1 && DocTypes[0].Total > 1))
        {
            output.Table(new TableView(
                ["DocType", "Total", DryRun ? "Would change" : "Success", "Failed", "Conflicts", "Skipped"],
                DocTypes.Select(d => (IReadOnlyList<string>)[d.DocType, N(d.Total), N(d.Success), N(d.Failed), N(d.Conflicts), N(d.Skipped)]).ToList(),
                RightAligned: new HashSet<int> { 1, 2, 3, 4, 5 }));
        }

        var details = Summary.Outcomes.Where(o => DryRun || o.Kind != SyncOutcomeKind.Applied).ToList();
        foreach (var outcome in details.Take(MaxDetailLines))
        {
            output.Check(MarkOf(outcome.Kind), Describe(outcome));
        }

        if (details.Count > MaxDetailLines)
        {
            output.Line($"… and {details.Count - MaxDetailLines} more; 'erpsync logs --status failed' (or --status conflict) lists them all");
        }

        var seconds = Summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        output.Heading(DryRun ? $"Dry run, nothing written. {TotalsLine} ({seconds} s)" : $"{TotalsLine} ({seconds} s)");
        if (Summary.Conflicts > 0)
        {
            output.Line("Conflicts wait for a decision: 'erpsync conflicts list', then 'erpsync conflicts show ID'.");
        }
    }

    public object ToJson() => new
    {
        DryRun,
        Direction,
        Summary.Total,
        Summary.Success,
        Summary.Failed,
        Summary.Conflicts,
        Summary.Skipped,
        ElapsedSeconds = Math.Round(Summary.Elapsed.TotalSeconds, 3),
        Doctypes = DocTypes.Select(d => new { Doctype = d.DocType, d.Total, d.Success, d.Failed, d.Conflicts, d.Skipped }),
        Outcomes = Summary.Outcomes.Select(o => new
        {
            Doctype = o.DocType,
            o.CloudName,
            o.LocalName,
            o.Kind,
            o.Action,
            o.Direction,
            o.Message,
            o.IsTransient,
        }),
    };

    private string Describe(SyncOutcome outcome)
    {
        var names = (outcome.CloudName, outcome.LocalName) switch
        {
            ({ } c, { } l) when c == l => c,
            ({ } c, { } l) => $"{c} (cloud) / {l} (local)",
            ({ } c, null) => $"{c} (cloud)",
            (null, { } l) => $"{l} (local)",
            _ => "",
        };
        var verb = outcome.Kind switch
        {
            SyncOutcomeKind.Applied when DryRun => $"would {outcome.Action} {Arrow(outcome.Direction)}",
            SyncOutcomeKind.Applied => $"{outcome.Action} {Arrow(outcome.Direction)}",
            SyncOutcomeKind.Conflict => "conflict",
            SyncOutcomeKind.Waiting => "waiting",
            SyncOutcomeKind.Failed => $"{outcome.Action} failed{(outcome.IsTransient ? " (temporary)" : "")}",
            _ => outcome.Action,
        };
        // The engine's messages often repeat the verb ("conflict: …", "would …"); say it once.
        var message = string.IsNullOrWhiteSpace(outcome.Message) || (DryRun && outcome.Message.StartsWith("would ", StringComparison.Ordinal))
            ? ""
            : $": {outcome.Message}";
        if (message.StartsWith($": {verb}:", StringComparison.Ordinal)) message = message[(verb.Length + 2)..];
        return $"{outcome.DocType} {names} {verb}{message}".Replace("  ", " ", StringComparison.Ordinal);
    }

    private static string Arrow(string direction) => direction switch
    {
        "cloud_to_local" => "cloud → local",
        "local_to_cloud" => "local → cloud",
        "both" => "both ways",
        _ => "",
    };

    private static Mark MarkOf(SyncOutcomeKind kind) => kind switch
    {
        SyncOutcomeKind.Applied => Mark.Info,
        SyncOutcomeKind.Conflict => Mark.Warn,
        SyncOutcomeKind.Skipped => Mark.Skip,
        _ => Mark.Fail,
    };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
