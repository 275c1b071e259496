using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Cli.Internal.Output;
using ErpSync.Core.State;

namespace ErpSync.Cli.Demo;

/// <summary>The demo's conflict diff and status screen.</summary>
internal static class DemoReport
{
    public static void Conflict(CliOutput output, ConflictRecord conflict)
    {
        var cloud = Parse(conflict.CloudData);
        var local = Parse(conflict.LocalData);
        var @base = Parse(conflict.BaseData);
        var rows = conflict.ConflictingFields
            .Select(f => (IReadOnlyList<string>)[f, Value(cloud, f), Value(local, f), Value(@base, f)])
            .ToList();
        output.Table(new TableView(["Field", "Cloud", "Local", "Base (last agreed)"], rows, $"Conflict #{conflict.Id}: {conflict.DocType} {conflict.DocName}"));
        if (conflict.Reason is { Length: > 0 } reason) output.Line($"  {reason}");
    }

    public static void Status(CliOutput output, StoreStatus status, DemoSession session)
    {
        var cloud = session.Cloud.Backdoor;
        var local = session.Local.Backdoor;
        var rows = DemoFiles.DocTypes.Select(docType =>
        {
            var figures = status.DocTypes.FirstOrDefault(d => d.DocType == docType);
            return (IReadOnlyList<string>)
            [
                docType,
                Number(cloud.Count(docType)),
                Number(local.Count(docType)),
                Number(figures?.Tracked ?? 0),
                Number(figures?.Synced ?? 0),
                Number(figures?.Conflicts ?? 0),
                Number(figures?.Errors ?? 0),
            ];
        }).ToList();
        output.Table(new TableView(["DocType", "Cloud docs", "Local docs", "Pairs", "Synced", "Conflicts", "Errors"], rows, "Document pairs", new HashSet<int> { 1, 2, 3, 4, 5, 6 }));
        var q = status.Queue;
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"  Queue: {q.Pending} pending, {q.Retrying} retrying, {q.Processing} in progress, {q.Processed} processed, {q.Dead} dead-lettered"));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"  Unresolved conflicts: {status.UnresolvedConflicts}"));
    }

    private static JsonObject? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Value(JsonObject? document, string field) => document is null ? "" : document[field] switch
    {
        null => "(empty)",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(),
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
