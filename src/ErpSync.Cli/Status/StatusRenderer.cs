using System.Globalization;
using ErpSync.Cli.Internal.Output;
using ErpSync.Core.Alerts;

namespace ErpSync.Cli.Status;

/// <summary>Writes a <see cref="StatusSnapshot"/> as tables (Spectre on a terminal, aligned text otherwise) and alert lines.</summary>
internal static class StatusRenderer
{
    private static readonly string[] RecordOrder = ["synced", "pending", "error", "failed", "conflict", "deleted"];

    /// <summary>Writes <paramref name="s"/>; <paramref name="listLength"/> 0 leaves out the recent operations and the conflict list.</summary>
    public static void Write(CliOutput output, StatusSnapshot s, int listLength)
    {
        output.Line($"state database: {s.Database}");
        if (s.Servers.Count == 0)
        {
            output.Check(Mark.Warn, "no server is running: webhooks are not received and the queue is not worked",
                "start it with 'erpsync serve', or 'sudo systemctl start erpsync' when installed as a service");
        }

        foreach (var server in s.Servers)
        {
            output.Check(Mark.Ok, $"server running on {server.Host} (process {server.ProcessId.ToString(CultureInfo.InvariantCulture)}, version {server.Version ?? "unknown"}, " +
                $"up {AlertEvaluator.Duration(s.CheckedAt - server.StartedAt)}, last heartbeat {AlertEvaluator.Duration(s.CheckedAt - server.LastSeenAt)} ago)");
        }

        output.Line();
        var total = s.Records.Values.Sum();
        output.Table(new TableView(
            ["document pairs", "count"],
            RecordOrder.Where(s.Records.ContainsKey).Select(k => (IReadOnlyList<string>)[k, Number(s.Records[k])]).Append(["total", Number(total)]).ToList(),
            RightAligned: new HashSet<int> { 1 }));
        output.Line();

        var q = s.Queue;
        output.Table(new TableView(
            ["queue", "items"],
            [
                ["pending", Number(q.Pending)],
                ["retrying", Number(q.Retrying)],
                ["processing", Number(q.Processing)],
                ["dead-lettered", Number(q.Dead)],
                ["processed (kept)", Number(q.Processed)],
                ["oldest waiting", q.OldestPendingAgeSeconds is { } age ? AlertEvaluator.Duration(TimeSpan.FromSeconds(age)) : "-"],
            ],
            RightAligned: new HashSet<int> { 1 }));
        output.Line();

        output.Table(new TableView(
            ["doctype", "tracked", "synced", "errors", "conflicts", "last sync (UTC)", "lag"],
            s.Doctypes.Select(d => (IReadOnlyList<string>)
            [
                d.Configured ? d.Doctype : $"{d.Doctype} (not configured)",
                Number(d.Tracked),
                Number(d.Synced),
                Number(d.Errors),
                Number(d.Conflicts),
                d.LastSynced is { } at ? Time(at) : "never",
                d.LagSeconds > 0 ? AlertEvaluator.Duration(TimeSpan.FromSeconds(d.LagSeconds)) : "-",
            ]).ToList(),
            RightAligned: new HashSet<int> { 1, 2, 3, 4 }));
        output.Line();

        if (s.RecentOperations.Count > 0)
        {
            output.Table(new TableView(
                ["time (UTC)", "doctype", "document", "action", "direction", "status", "message"],
                s.RecentOperations.Select(o => (IReadOnlyList<string>)[Time(o.Timestamp), o.Doctype, o.Docname, o.Action, o.Direction, o.Status, Shorten(o.Message ?? "", 60)]).ToList(),
                Title: "recent operations"));
            output.Line();
        }
        else if (listLength > 0)
        {
            output.Line("recent operations: none yet");
            output.Line();
        }

        if (s.Conflicts.Count == 0 && s.UnresolvedConflicts > 0)
        {
            output.Line($"unresolved conflicts: {Number(s.UnresolvedConflicts)} ('erpsync conflicts list')");
            output.Line();
        }
        else if (s.Conflicts.Count > 0)
        {
            output.Table(new TableView(
                ["#", "doctype", "document", "fields", "since (UTC)"],
                s.Conflicts.Select(c => (IReadOnlyList<string>)[Number(c.Id), c.Doctype, c.Docname, Shorten(string.Join(", ", c.Fields), 40), Time(c.CreatedAt)]).ToList(),
                Title: $"unresolved conflicts ({Number(s.UnresolvedConflicts)}; 'erpsync conflicts show ID')",
                RightAligned: new HashSet<int> { 0 }));
            output.Line();
        }

        if (s.Alerts.Count == 0)
        {
            output.Check(Mark.Ok, "no alert threshold crossed");
            return;
        }

        foreach (var alert in s.Alerts)
            output.Check(Mark.Fail, $"alert {alert.KindName}: {alert.Message}");
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int length)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= length ? oneLine : oneLine[..(length - 1)] + "…";
    }
}
