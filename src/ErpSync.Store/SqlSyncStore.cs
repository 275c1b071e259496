using System.Runtime.CompilerServices;
using Dapper;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store.Conflicts;
using ErpSync.Store.Cursors;
using ErpSync.Store.Logging;
using ErpSync.Store.Logs;
using ErpSync.Store.Records;
using ErpSync.Store.Sql;
using ErpSync.Store.Status;
using Microsoft.Extensions.Logging;

namespace ErpSync.Store;

/// <summary>
/// <see cref="ISyncStore"/> on either engine: one SQL text for both, reads on parallel connections,
/// writes through <see cref="IStoreConnections.WriteAsync"/> (group-committed on SQLite).
/// </summary>
internal sealed class SqlSyncStore(IStoreConnections db, TimeProvider time, ILogger<SqlSyncStore> logger) : ISyncStore
{
    /// <summary>Rows per round trip when streaming pairs; between pages no connection or snapshot is held.</summary>
    internal int PageSize { get; init; } = 500;

    /// <summary>Rows per retention transaction, so pruning never blocks intake for long.</summary>
    internal int PruneBatchSize { get; init; } = 2000;

    private SqlDialect Dialect => db.Dialect;

    public async Task<SyncRecord?> FindRecordAsync(string docType, SiteName site, string name, CancellationToken cancellationToken)
    {
        var column = site == SiteName.Cloud ? "cloud_name" : "local_name";
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        return await RecordSql.QuerySingleOrDefaultAsync(
            connection, $"SELECT {RecordSql.Columns} FROM sync_records WHERE doctype = @DocType AND {column} = @Name", new { DocType = docType, Name = name }, null, cancellationToken);
    }

    public async Task<SyncRecord?> GetRecordAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        return await RecordSql.QuerySingleOrDefaultAsync(connection, $"SELECT {RecordSql.Columns} FROM sync_records WHERE id = @Id", new { Id = id }, null, cancellationToken);
    }

    public IAsyncEnumerable<SyncRecord> ListRecordsAsync(string docType, CancellationToken cancellationToken) =>
        PageRecordsAsync("doctype = @DocType", new { DocType = docType }, cancellationToken);

    public IAsyncEnumerable<SyncRecord> ListRecordsByStatusAsync(SyncStatus status, string? docType, CancellationToken cancellationToken) =>
        docType is null
            ? PageRecordsAsync("sync_status = @Status", new { Status = EnumText.ToText(status) }, cancellationToken)
            : PageRecordsAsync("sync_status = @Status AND doctype = @DocType", new { Status = EnumText.ToText(status), DocType = docType }, cancellationToken);

    private async IAsyncEnumerable<SyncRecord> PageRecordsAsync(string filter, object filterParameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = $"SELECT {RecordSql.Columns} FROM sync_records WHERE {filter} AND id > @After ORDER BY id LIMIT @PageSize";
        var parameters = new DynamicParameters(filterParameters);
        parameters.Add("PageSize", PageSize);
        var after = 0L;
        while (true)
        {
            parameters.Add("After", after);
            List<SyncRecord> page;
            await using (var connection = await db.OpenReaderAsync(cancellationToken))
                page = await RecordSql.QueryAsync(connection, sql, parameters, cancellationToken);
            foreach (var record in page)
                yield return record;
            if (page.Count < PageSize)
                yield break;
            after = page[^1].Id;
        }
    }

    public Task<SyncRecord> SaveRecordAsync(SyncRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return db.ExecuteAsync((connection, transaction, token) => RecordSql.SaveAsync(connection, transaction, Dialect, record, time.GetUtcNow(), token), cancellationToken);
    }

    public Task<SyncRecord> CommitAsync(SyncCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return db.WriteAsync(
            async (connection, transaction, token) =>
            {
                var now = time.GetUtcNow();
                var saved = await RecordSql.SaveAsync(connection, transaction, Dialect, commit.Record, now, token);
                await LogSql.AppendAsync(connection, transaction, Dialect, commit.Logs, now, token);
                if (commit.Conflict is { } conflict)
                    await ConflictSql.InsertAsync(connection, transaction, Dialect, conflict, saved.Id, now, token);
                return saved;
            },
            cancellationToken);
    }

    public Task<long> DeleteRecordsAsync(string? docType, string? name, CancellationToken cancellationToken)
    {
        if (name is not null && docType is null)
            throw new ArgumentException("Deleting one document's pair needs its DocType as well as its name.", nameof(docType));

        var filter = docType is null ? "1 = 1" : name is null ? "doctype = @DocType" : "doctype = @DocType AND (cloud_name = @Name OR local_name = @Name)";
        var parameters = new { DocType = docType, Name = name };
        return db.WriteAsync(
            async (connection, transaction, token) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"DELETE FROM conflict_records WHERE resolved = FALSE AND sync_record_id IN (SELECT id FROM sync_records WHERE {filter})", parameters, transaction, cancellationToken: token));
                return (long)await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM sync_records WHERE {filter}", parameters, transaction, cancellationToken: token));
            },
            cancellationToken);
    }

    public Task AppendLogAsync(SyncLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return db.WriteAsync(
            async (connection, transaction, token) =>
            {
                await LogSql.AppendAsync(connection, transaction, Dialect, [entry], time.GetUtcNow(), token);
                return true;
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<SyncLogEntry> QueryLogsAsync(LogQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var command = LogSql.Query(Dialect, query, cancellationToken);
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(command);
        while (await reader.ReadAsync(cancellationToken))
            yield return LogSql.Map(new RowReader(reader));
    }

    public async Task<IReadOnlyList<ConflictRecord>> ListConflictsAsync(bool includeResolved, CancellationToken cancellationToken)
    {
        var filter = includeResolved ? "" : "WHERE resolved = FALSE";
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        return await ConflictSql.QueryAsync(connection, $"SELECT {ConflictSql.Columns} FROM conflict_records {filter} ORDER BY created_at DESC, id DESC", null, cancellationToken);
    }

    public async Task<ConflictRecord?> GetConflictAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        var found = await ConflictSql.QueryAsync(connection, $"SELECT {ConflictSql.Columns} FROM conflict_records WHERE id = @Id", new { Id = id }, cancellationToken);
        return found.SingleOrDefault();
    }

    public Task ResolveConflictAsync(long id, string resolution, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resolution);
        return db.WriteAsync(
            async (connection, transaction, token) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE conflict_records SET resolved = TRUE, resolution = @Resolution, resolved_at = @Now WHERE id = @Id AND resolved = FALSE",
                    new { Id = id, Resolution = resolution, Now = Dialect.Time(time.GetUtcNow()) },
                    transaction,
                    cancellationToken: token));
                if (changed > 0)
                    return true;

                var earlier = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                    "SELECT coalesce(resolution, '') FROM conflict_records WHERE id = @Id", new { Id = id }, transaction, cancellationToken: token));
                throw earlier is null
                    ? new KeyNotFoundException($"Conflict {id} does not exist; `erpsync conflicts list` shows the open ones.")
                    : new InvalidOperationException($"Conflict {id} is already resolved ({earlier}).");
            },
            cancellationToken);
    }

    public async Task<DocCursor?> GetCursorAsync(SiteName site, string docType, CursorKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Ts, string Name)>(new CommandDefinition(
            CursorSql.Get, new { Site = site.ToWire(), DocType = docType, Kind = EnumText.ToText(kind) }, cancellationToken: cancellationToken));
        return rows.Select(r => new DocCursor(r.Ts, r.Name)).SingleOrDefault();
    }

    public Task SetCursorAsync(SiteName site, string docType, CursorKind kind, DocCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentException.ThrowIfNullOrWhiteSpace(docType);
        var parameters = new { Site = site.ToWire(), DocType = docType, Kind = EnumText.ToText(kind), cursor.Timestamp, cursor.Name, Now = Dialect.Time(time.GetUtcNow()) };
        return db.ExecuteAsync((connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(CursorSql.Set, parameters, transaction, cancellationToken: token)), cancellationToken);
    }

    public async Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        return await StatusSql.ReadAsync(connection, cancellationToken);
    }

    public async Task<PruneResult> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var logs = await DeleteInBatchesAsync("sync_logs", "timestamp < @Before", olderThan, cancellationToken);
        var queue = await DeleteInBatchesAsync("webhook_queue", "status = 'processed' AND processed_at < @Before", olderThan, cancellationToken);
        if (logs + queue > 0)
            logger.Pruned(logs, queue, olderThan);
        return new PruneResult(logs, queue);
    }

    private async Task<long> DeleteInBatchesAsync(string table, string filter, DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var sql = $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {filter} LIMIT @Batch)";
        var parameters = new { Before = Dialect.Time(olderThan), Batch = PruneBatchSize };
        long total = 0;
        while (true)
        {
            var deleted = await db.ExecuteAsync((connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: token)), cancellationToken);
            total += deleted;
            if (deleted < PruneBatchSize)
                return total;
        }
    }
}
