using System.Data.Common;
using System.Text.Json;
using Dapper;
using ErpSync.Core.State;
using ErpSync.Store.Sql;

namespace ErpSync.Store.Conflicts;

/// <summary><c>conflict_records</c>: what each side and the base held, and which fields clashed.</summary>
internal static class ConflictSql
{
    public const string Columns =
        "id, sync_record_id, doctype, docname, cloud_name, local_name, cloud_data, local_data, base_data, cloud_modified, local_modified, "
        + "conflicting_fields, reason, strategy, resolved, resolution, resolved_at, created_at";

    private const string Insert = """
        INSERT INTO conflict_records (sync_record_id, doctype, docname, cloud_name, local_name, cloud_data, local_data, base_data,
            cloud_modified, local_modified, conflicting_fields, reason, strategy, resolved, resolution, resolved_at, created_at)
        VALUES (@SyncRecordId, @DocType, @DocName, @CloudName, @LocalName, @CloudData, @LocalData, @BaseData,
            @CloudModified, @LocalModified, @ConflictingFields, @Reason, @Strategy, @Resolved, @Resolution, @ResolvedAt, @Now)
        RETURNING id
        """;

    public static Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, ConflictRecord conflict, long syncRecordId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(conflict.DocType) || string.IsNullOrEmpty(conflict.DocName))
            throw new ArgumentException("A conflict needs a DocType and a document name.", nameof(conflict));

        var parameters = new
        {
            SyncRecordId = syncRecordId == 0 ? (long?)null : syncRecordId,
            conflict.DocType,
            conflict.DocName,
            conflict.CloudName,
            conflict.LocalName,
            conflict.CloudData,
            conflict.LocalData,
            conflict.BaseData,
            conflict.CloudModified,
            conflict.LocalModified,
            ConflictingFields = JsonSerializer.Serialize(conflict.ConflictingFields),
            conflict.Reason,
            conflict.Strategy,
            conflict.Resolved,
            conflict.Resolution,
            ResolvedAt = dialect.Time(conflict.Resolved ? conflict.ResolvedAt ?? now : conflict.ResolvedAt),
            Now = dialect.Time(now),
        };
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert, parameters, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<List<ConflictRecord>> QueryAsync(DbConnection connection, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var conflicts = new List<ConflictRecord>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
            conflicts.Add(Map(new RowReader(reader)));
        return conflicts;
    }

    private static ConflictRecord Map(RowReader row) => new()
    {
        Id = row.Long("id"),
        SyncRecordId = row.NullableLong("sync_record_id") ?? 0,
        DocType = row.String("doctype"),
        DocName = row.String("docname"),
        CloudName = row.NullableString("cloud_name"),
        LocalName = row.NullableString("local_name"),
        CloudData = row.NullableString("cloud_data"),
        LocalData = row.NullableString("local_data"),
        BaseData = row.NullableString("base_data"),
        CloudModified = row.NullableString("cloud_modified"),
        LocalModified = row.NullableString("local_modified"),
        ConflictingFields = JsonSerializer.Deserialize<List<string>>(row.String("conflicting_fields")) ?? [],
        Reason = row.NullableString("reason"),
        Strategy = row.NullableString("strategy"),
        Resolved = row.Bool("resolved"),
        Resolution = row.NullableString("resolution"),
        ResolvedAt = row.NullableTime("resolved_at"),
        CreatedAt = row.Time("created_at"),
    };
}
