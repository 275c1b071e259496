using System.Data.Common;
using Dapper;
using ErpSync.Core.State;
using ErpSync.Store.Queue;
using ErpSync.Store.Sql;

namespace ErpSync.Store.Status;

/// <summary>The figures behind <c>erpsync status</c>, <c>/status</c> and alerts.</summary>
internal static class StatusSql
{
    private const string ByStatus = "SELECT sync_status, count(*) AS n FROM sync_records GROUP BY sync_status";

    private const string ByDocType = """
        SELECT doctype, count(*) AS tracked,
            sum(CASE WHEN sync_status = 'synced' THEN 1 ELSE 0 END) AS synced,
            sum(CASE WHEN sync_status IN ('error', 'failed') THEN 1 ELSE 0 END) AS errors,
            sum(CASE WHEN sync_status = 'conflict' THEN 1 ELSE 0 END) AS conflicts,
            max(last_synced) AS last_synced
        FROM sync_records GROUP BY doctype
        """;

    private const string OldestPendingByDocType = """
        SELECT doctype, min(created_at) AS oldest FROM webhook_queue
        WHERE status IN ('pending', 'processing') GROUP BY doctype
        """;

    private const string UnresolvedConflicts = "SELECT count(*) FROM conflict_records WHERE resolved = FALSE";

    public static async Task<StoreStatus> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var byStatus = Enum.GetValues<SyncStatus>().ToDictionary(s => s, _ => 0L);
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(ByStatus, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new RowReader(reader);
                byStatus[EnumText.Parse<SyncStatus>(row.String("sync_status"))] = row.Long("n");
            }
        }

        var oldestPending = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(OldestPendingByDocType, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new RowReader(reader);
                oldestPending[row.String("doctype")] = row.Time("oldest");
            }
        }

        var docTypes = new List<DocTypeStatus>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(ByDocType, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new RowReader(reader);
                var docType = row.String("doctype");
                docTypes.Add(new DocTypeStatus(
                    docType,
                    row.Long("tracked"),
                    row.Long("synced"),
                    row.Long("errors"),
                    row.Long("conflicts"),
                    row.NullableTime("last_synced"),
                    oldestPending.TryGetValue(docType, out var oldest) ? oldest : null));
            }
        }

        // A DocType with queued events but no pair yet (its first documents are on their way) still shows its lag.
        foreach (var (docType, oldest) in oldestPending.Where(p => docTypes.All(d => d.DocType != p.Key)))
            docTypes.Add(new DocTypeStatus(docType, 0, 0, 0, 0, null, oldest));
        docTypes.Sort((a, b) => string.CompareOrdinal(a.DocType, b.DocType));

        return new StoreStatus
        {
            RecordsByStatus = byStatus,
            DocTypes = docTypes,
            UnresolvedConflicts = await connection.ExecuteScalarAsync<long>(new CommandDefinition(UnresolvedConflicts, cancellationToken: cancellationToken)),
            Queue = await SqlWorkQueue.ReadStatsAsync(connection, cancellationToken),
        };
    }
}
