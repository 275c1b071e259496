using System.Data.Common;
using Dapper;
using ErpSync.Core.State;
using ErpSync.Store.Sql;

namespace ErpSync.Store.Records;

/// <summary><c>sync_records</c>: one row per document pair; <c>docname</c> is the cloud name when known, else the local one.</summary>
internal static class RecordSql
{
    public const string Columns =
        "id, doctype, docname, cloud_name, local_name, cloud_modified, local_modified, last_synced, sync_hash_cloud, sync_hash_local, "
        + "sync_direction, sync_status, error_message, retry_count, created_at, updated_at, cloud_docstatus, local_docstatus, base_snapshot";

    private const string Insert = $"""
        INSERT INTO sync_records (doctype, docname, cloud_name, local_name, cloud_modified, local_modified, last_synced,
            sync_hash_cloud, sync_hash_local, sync_direction, is_syncing, sync_status, error_message, retry_count,
            created_at, updated_at, cloud_docstatus, local_docstatus, base_snapshot)
        VALUES (@DocType, @DocName, @CloudName, @LocalName, @CloudModified, @LocalModified, @LastSynced,
            @CloudHash, @LocalHash, @SyncDirection, FALSE, @Status, @ErrorMessage, @RetryCount,
            @Now, @Now, @CloudDocstatus, @LocalDocstatus, @BaseSnapshot)
        RETURNING {Columns}
        """;

    private const string Update = $"""
        UPDATE sync_records SET doctype = @DocType, docname = @DocName, cloud_name = @CloudName, local_name = @LocalName,
            cloud_modified = @CloudModified, local_modified = @LocalModified, last_synced = @LastSynced,
            sync_hash_cloud = @CloudHash, sync_hash_local = @LocalHash, sync_direction = @SyncDirection,
            sync_status = @Status, error_message = @ErrorMessage, retry_count = @RetryCount, updated_at = @Now,
            cloud_docstatus = @CloudDocstatus, local_docstatus = @LocalDocstatus, base_snapshot = @BaseSnapshot
        WHERE id = @Id
        RETURNING {Columns}
        """;

    public static SyncRecord Map(RowReader row) => new()
    {
        Id = row.Long("id"),
        DocType = row.String("doctype"),
        CloudName = row.NullableString("cloud_name"),
        LocalName = row.NullableString("local_name"),
        CloudModified = row.NullableString("cloud_modified"),
        LocalModified = row.NullableString("local_modified"),
        LastSynced = row.NullableTime("last_synced"),
        CloudHash = row.NullableString("sync_hash_cloud"),
        LocalHash = row.NullableString("sync_hash_local"),
        SyncDirection = row.NullableString("sync_direction"),
        Status = EnumText.Parse<SyncStatus>(row.String("sync_status")),
        ErrorMessage = row.NullableString("error_message"),
        RetryCount = row.Int("retry_count"),
        CreatedAt = row.Time("created_at"),
        UpdatedAt = row.Time("updated_at"),
        CloudDocstatus = row.NullableInt("cloud_docstatus"),
        LocalDocstatus = row.NullableInt("local_docstatus"),
        BaseSnapshot = row.NullableString("base_snapshot"),
    };

    public static async Task<SyncRecord> SaveAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, SyncRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Validate(record);
        var parameters = new
        {
            record.Id,
            record.DocType,
            DocName = record.DisplayName,
            record.CloudName,
            record.LocalName,
            record.CloudModified,
            record.LocalModified,
            LastSynced = dialect.Time(record.LastSynced),
            record.CloudHash,
            record.LocalHash,
            record.SyncDirection,
            Status = EnumText.ToText(record.Status),
            record.ErrorMessage,
            record.RetryCount,
            Now = dialect.Time(now),
            record.CloudDocstatus,
            record.LocalDocstatus,
            record.BaseSnapshot,
        };

        try
        {
            var saved = await QuerySingleOrDefaultAsync(connection, record.Id == 0 ? Insert : Update, parameters, transaction, cancellationToken);
            return saved ?? throw new InvalidOperationException(
                $"Sync record {record.Id} ({record.DocType} {record.DisplayName}) no longer exists; it was deleted (a reset?) while it was being synced.");
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            throw new InvalidOperationException(
                $"Another sync record of {record.DocType} already maps cloud name '{record.CloudName}' or local name '{record.LocalName}'; "
                + "each name may belong to one pair only.",
                ex);
        }
    }

    public static async Task<SyncRecord?> QuerySingleOrDefaultAsync(DbConnection connection, string sql, object parameters, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        return await reader.ReadAsync(cancellationToken) ? Map(new RowReader(reader)) : null;
    }

    public static async Task<List<SyncRecord>> QueryAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        var records = new List<SyncRecord>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
            records.Add(Map(new RowReader(reader)));
        return records;
    }

    private static void Validate(SyncRecord record)
    {
        if (string.IsNullOrWhiteSpace(record.DocType))
            throw new ArgumentException("A sync record needs a DocType.", nameof(record));
        if (string.IsNullOrEmpty(record.CloudName) && string.IsNullOrEmpty(record.LocalName))
            throw new ArgumentException($"A sync record of {record.DocType} needs a cloud name, a local name or both.", nameof(record));
        if (record.Id < 0)
            throw new ArgumentException($"Sync record id {record.Id} is not valid.", nameof(record));
    }
}
