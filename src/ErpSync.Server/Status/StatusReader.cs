using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Server.Alerts;
using ErpSync.Server.Metrics;
using ErpSync.Server.Queue;
using ErpSync.Server.Sweep;
using ErpSync.Server.Verification;
using ErpSync.Server.Webhooks;
using ErpSync.Store;

namespace ErpSync.Server.Status;

/// <summary>Gathers <see cref="StatusReport"/> from the store, the queue, the sites' circuits and the workers.</summary>
internal sealed class StatusReader(
    ServerOptions options,
    IStateDatabase database,
    IEnumerable<ServerSite> sites,
    IntakeGate gate,
    ServerMetrics metrics,
    SweepWorker sweep,
    AlertMonitor alerts,
    VerificationWorker verification,
    TimeProvider time)
{
    public async Task<StatusReport> ReadAsync(CancellationToken cancellationToken)
    {
        var store = database.Store;
        var status = await store.GetStatusAsync(cancellationToken);
        metrics.UpdateQueue(status.Queue);
        var now = time.GetUtcNow();
        var queue = status.Queue;
        var recent = new List<RecentOperation>();
        if (options.StatusListLength > 0)
        {
            await foreach (var log in store.QueryLogsAsync(new LogQuery { Limit = options.StatusListLength }, cancellationToken))
                recent.Add(new RecentOperation(log.Timestamp, log.DocType, log.DocName, log.Action, log.Direction, log.Status, log.Message));
        }

        var conflicts = options.StatusListLength == 0 ? [] : (await store.ListConflictsAsync(includeResolved: false, cancellationToken))
            .Take(options.StatusListLength)
            .Select(c => new OpenConflict(c.Id, c.DocType, c.DocName, c.ConflictingFields, c.Reason, c.Strategy, c.CreatedAt))
            .ToList();

        return new StatusReport
        {
            Status = gate.IsOpen ? "running" : "stopping",
            Timestamp = now,
            PendingWebhooks = queue.Pending + queue.Retrying,
            ProcessingWebhooks = queue.Processing,
            RetryingWebhooks = queue.Retrying,
            DeadWebhooks = queue.Dead,
            ProcessedWebhooks = queue.Processed,
            OldestPendingAgeSeconds = queue.OldestPendingCreatedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : null,
            Records = status.RecordsByStatus.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value),
            FailedRecords = status.RecordsByStatus.GetValueOrDefault(SyncStatus.Error) + status.RecordsByStatus.GetValueOrDefault(SyncStatus.Failed),
            UnresolvedConflicts = status.UnresolvedConflicts,
            Doctypes = DocTypes(status, now),
            Sites = sites.ToDictionary(s => s.Name.ToWire(), s => new SiteState(s.BaseUrl?.ToString(), Circuit(s))),
            Workers = new WorkerState(options.Workers, metrics.BusyWorkers),
            Sweep = new SweepState(options.SweepInterval.TotalSeconds, sweep.CompletedPasses, sweep.LastPassAt),
            Database = database.Description,
            RecentOperations = recent,
            Conflicts = conflicts,
            Alerts = alerts.Active,
            Verification = verification.State,
        };
    }

    internal static string Circuit(ServerSite site)
    {
        try
        {
            return site.Circuit() switch
            {
                Frappe.Resilience.SiteCircuitState.Open => "open",
                Frappe.Resilience.SiteCircuitState.HalfOpen => "half_open",
                _ => "closed",
            };
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            return "unknown";
        }
    }

    private List<DocTypeLag> DocTypes(StoreStatus status, DateTimeOffset now)
    {
        var configured = new HashSet<string>(options.DocTypes, StringComparer.Ordinal);
        var rows = status.DocTypes.ToDictionary(d => d.DocType, StringComparer.Ordinal);
        var names = options.DocTypes.Concat(rows.Keys.Where(k => !configured.Contains(k)).Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var row = rows.GetValueOrDefault(name) ?? new DocTypeStatus(name, 0, 0, 0, 0, null, null);
            var lag = row.OldestPending is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0;
            return new DocTypeLag(name, configured.Contains(name), row.Tracked, row.Synced, row.Errors, row.Conflicts, row.LastSynced, row.OldestPending, lag);
        }).ToList();
    }
}
