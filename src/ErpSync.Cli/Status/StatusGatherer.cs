using ErpSync.Core.Alerts;
using ErpSync.Core.State;
using ErpSync.Store;

namespace ErpSync.Cli.Status;

/// <summary>Reads a <see cref="StatusSnapshot"/> from an open state database and judges the alert thresholds on it.</summary>
internal static class StatusGatherer
{
    public static async Task<StatusSnapshot> ReadAsync(
        IStateDatabase database,
        IReadOnlyList<string> configuredDocTypes,
        AlertThresholds thresholds,
        int listLength,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var store = database.Store;
        var status = await store.GetStatusAsync(cancellationToken);
        var servers = await database.Servers.ListLiveAsync(cancellationToken);

        var recent = new List<StatusOperation>();
        if (listLength > 0)
        {
            await foreach (var log in store.QueryLogsAsync(new LogQuery { Limit = listLength }, cancellationToken))
                recent.Add(new StatusOperation(log.Timestamp, log.DocType, log.DocName, log.Action, log.Direction, log.Status, log.Message));
        }

        var conflicts = listLength == 0 ? [] : (await store.ListConflictsAsync(includeResolved: false, cancellationToken))
            .Take(listLength)
            .Select(c => new StatusConflict(c.Id, c.DocType, c.DocName, c.ConflictingFields, c.Reason, c.CreatedAt))
            .ToList();

        var queue = status.Queue;
        return new StatusSnapshot
        {
            CheckedAt = now,
            Database = database.Description,
            Servers = servers.Select(s => new StatusServer(s.Id, s.Host, s.ProcessId, s.Version, s.StartedAt, s.LastSeenAt)).ToList(),
            Records = Enum.GetValues<SyncStatus>().ToDictionary(s => s.ToString().ToLowerInvariant(), s => status.RecordsByStatus.GetValueOrDefault(s)),
            Queue = new StatusQueue(queue.Pending, queue.Retrying, queue.Processing, queue.Dead, queue.Processed, queue.OldestPendingCreatedAt, Age(queue.OldestPendingCreatedAt, now)),
            Doctypes = DocTypes(status, configuredDocTypes, now),
            RecentOperations = recent,
            UnresolvedConflicts = status.UnresolvedConflicts,
            Conflicts = conflicts,
            Thresholds = new StatusThresholds(thresholds.Errors, thresholds.DeadLetters, thresholds.UnresolvedConflicts, thresholds.QueueAge.TotalSeconds, thresholds.SiteUnreachable.TotalSeconds),
            Alerts = AlertEvaluator.Evaluate(AlertFigures.From(status), thresholds, now),
        };
    }

    private static List<StatusDocType> DocTypes(StoreStatus status, IReadOnlyList<string> configured, DateTimeOffset now)
    {
        var known = new HashSet<string>(configured, StringComparer.Ordinal);
        var rows = status.DocTypes.ToDictionary(d => d.DocType, StringComparer.Ordinal);
        // Configured DocTypes first in the user's order, then any the store still holds pairs of.
        var names = configured.Concat(rows.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var row = rows.GetValueOrDefault(name) ?? new DocTypeStatus(name, 0, 0, 0, 0, null, null);
            return new StatusDocType(name, known.Contains(name), row.Tracked, row.Synced, row.Errors, row.Conflicts, row.LastSynced,
                Age(row.LastSynced, now), Age(row.OldestPending, now) ?? 0);
        }).ToList();
    }

    private static double? Age(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } at ? Math.Max(0, Math.Floor((now - at).TotalSeconds)) : null;
}
