using Dapper;
using ErpSync.Core.State;
using ErpSync.Store.Sql;
using Microsoft.Extensions.Logging;

namespace ErpSync.Store.Operations;

/// <summary>The maintenance operations both engines run with the same SQL: counts, retention and reset.</summary>
internal abstract class SqlMaintenance(IStoreConnections db, TimeProvider time, ILogger logger) : IStateMaintenance
{
    private const string Counts = """
        SELECT
            (SELECT count(*) FROM sync_records) AS pairs,
            (SELECT count(*) FROM sync_logs) AS logs,
            (SELECT count(*) FROM webhook_queue WHERE status = 'pending') AS pending,
            (SELECT count(*) FROM webhook_queue WHERE status = 'processing') AS processing,
            (SELECT count(*) FROM webhook_queue WHERE status = 'processed') AS processed,
            (SELECT count(*) FROM webhook_queue WHERE status = 'dead') AS dead,
            (SELECT count(*) FROM conflict_records WHERE resolved = FALSE) AS open_conflicts,
            (SELECT count(*) FROM sync_cursors) AS cursors
        """;

    /// <summary>Rows per retention transaction, so pruning never blocks intake for long.</summary>
    internal int PruneBatchSize { get; init; } = 2000;

    protected IStoreConnections Db => db;

    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    public abstract Task<long> GetSizeAsync(CancellationToken cancellationToken);

    public abstract Task<BackupResult> BackupAsync(string destinationPath, CancellationToken cancellationToken);

    public abstract string? ExternalBackupCommand(string destinationPath);

    public abstract string? ExternalRestoreCommand(string backupPath);

    public abstract Task<CompactResult> CompactAsync(CompactMode mode, CancellationToken cancellationToken);

    public async Task<StateCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        return await ReadCountsAsync(connection, cancellationToken);
    }

    internal static async Task<StateCounts> ReadCountsAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(Counts, cancellationToken: cancellationToken));
        await reader.ReadAsync(cancellationToken);
        var row = new RowReader(reader);
        return new StateCounts(
            row.Long("pairs"), row.Long("logs"), row.Long("pending"), row.Long("processing"), row.Long("processed"), row.Long("dead"), row.Long("open_conflicts"), row.Long("cursors"));
    }

    public async Task<PruneResult> PruneAsync(RetentionPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var logs = policy.LogsBefore is { } logsBefore
            ? await DeleteInBatchesAsync("sync_logs", "timestamp < @Before", logsBefore, cancellationToken)
            : 0;

        // Only processed rows: pending, processing and dead items are work still owed, whatever their age.
        var queue = policy.QueueBefore is { } queueBefore
            ? await DeleteInBatchesAsync("webhook_queue", "status = 'processed' AND processed_at < @Before", queueBefore, cancellationToken)
            : 0;
        logger.RetentionApplied(logs, queue, policy.LogsBefore, policy.QueueBefore);
        return new PruneResult(logs, queue);
    }

    private async Task<long> DeleteInBatchesAsync(string table, string filter, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var sql = $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {filter} ORDER BY id LIMIT @Batch)";
        var parameters = new { Before = db.Dialect.Time(before), Batch = PruneBatchSize };
        long total = 0;
        while (true)
        {
            var deleted = await db.ExecuteAsync((connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: token)), cancellationToken);
            total += deleted;
            if (deleted < PruneBatchSize)
                return total;
        }
    }

    public async Task<ResetResult> ResetAsync(ResetScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Validate();
        var parameters = new { scope.DocType, Name = scope.DocName };
        var reset = await db.WriteAsync(
            async (connection, transaction, token) =>
            {
                async Task<long> RunAsync(string sql) =>
                    await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: token));

                var queue = scope.Queue ? await RunAsync(ResetSql.DeleteQueue(scope)) : 0;
                var conflicts = await RunAsync(ResetSql.DeleteOpenConflicts(scope));
                var cursors = scope.DocName is null ? await RunAsync(ResetSql.DeleteCursors(scope)) : 0;
                var pairs = await RunAsync(ResetSql.DeleteRecords(scope));
                var result = new ResetResult(pairs, conflicts, queue, cursors);
                await connection.ExecuteAsync(new CommandDefinition(
                    ResetSql.InsertAudit,
                    new
                    {
                        Timestamp = db.Dialect.Time(time.GetUtcNow()),
                        DocType = scope.DocType ?? "*",
                        DocName = scope.DocName ?? "*",
                        Message = ResetSql.AuditMessage(scope, result),
                    },
                    transaction,
                    cancellationToken: token));
                return result;
            },
            cancellationToken);
        logger.StateReset(scope.Describe(), reset.Pairs, reset.OpenConflicts, reset.QueueItems, reset.Cursors);
        return reset;
    }
}
