using System.Data.Common;
using System.Text;
using Dapper;
using ErpSync.Core.State;
using ErpSync.Store.Sql;

namespace ErpSync.Store.Logs;

/// <summary><c>sync_logs</c>: the append-only audit.</summary>
internal static class LogSql
{
    private const string Columns = "id, timestamp, doctype, docname, cloud_name, local_name, action, direction, status, message, changes_json";

    private const string Insert = """
        INSERT INTO sync_logs (timestamp, doctype, docname, cloud_name, local_name, action, direction, status, message, changes_json)
        VALUES (@Timestamp, @DocType, @DocName, @CloudName, @LocalName, @Action, @Direction, @Status, @Message, @ChangesJson)
        """;

    private static readonly string[] InsertParameters =
        ["Timestamp", "DocType", "DocName", "CloudName", "LocalName", "Action", "Direction", "Status", "Message", "ChangesJson"];

    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, IEnumerable<SyncLogEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = entries.Select(entry =>
        {
            Validate(entry);
            return (IReadOnlyList<object?>)
            [
                dialect.Time(entry.Timestamp == default ? now : entry.Timestamp),
                entry.DocType,
                entry.DocName,
                entry.CloudName,
                entry.LocalName,
                entry.Action,
                entry.Direction,
                entry.Status,
                entry.Message,
                entry.ChangesJson,
            ];
        }).ToList();
        return rows.Count == 0
            ? Task.CompletedTask
            : MultiRow.ExecuteAsync(dialect, connection, transaction, Insert, InsertParameters, rows, cancellationToken);
    }

    public static CommandDefinition Query(SqlDialect dialect, LogQuery query, CancellationToken cancellationToken)
    {
        if (query.Limit is < 0)
            throw new ArgumentException($"A log query limit must be 0 or more, not {query.Limit}.", nameof(query));

        var sql = new StringBuilder($"SELECT {Columns} FROM sync_logs WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (query.Since is { } since)
        {
            sql.Append(" AND timestamp >= @Since");
            parameters.Add("Since", dialect.Time(since));
        }

        if (query.DocType is { } docType)
        {
            sql.Append(" AND doctype = @DocType");
            parameters.Add("DocType", docType);
        }

        if (query.DocName is { } docName)
        {
            sql.Append(" AND (docname = @DocName OR cloud_name = @DocName OR local_name = @DocName)");
            parameters.Add("DocName", docName);
        }

        if (query.Status is { } status)
        {
            sql.Append(" AND status = @Status");
            parameters.Add("Status", status);
        }

        sql.Append(" ORDER BY timestamp DESC, id DESC");
        if (query.Limit is { } limit)
        {
            sql.Append(" LIMIT @Limit");
            parameters.Add("Limit", limit);
        }

        return new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken);
    }

    public static SyncLogEntry Map(RowReader row) => new()
    {
        Id = row.Long("id"),
        Timestamp = row.Time("timestamp"),
        DocType = row.String("doctype"),
        DocName = row.String("docname"),
        CloudName = row.NullableString("cloud_name"),
        LocalName = row.NullableString("local_name"),
        Action = row.String("action"),
        Direction = row.String("direction"),
        Status = row.String("status"),
        Message = row.NullableString("message"),
        ChangesJson = row.NullableString("changes_json"),
    };

    private static void Validate(SyncLogEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.DocType) || entry.DocName is null)
            throw new ArgumentException("An audit row needs a DocType and a document name.", nameof(entry));
        if (string.IsNullOrWhiteSpace(entry.Action) || string.IsNullOrWhiteSpace(entry.Direction) || string.IsNullOrWhiteSpace(entry.Status))
            throw new ArgumentException($"The audit row for {entry.DocType} {entry.DocName} needs an action, a direction and a status.", nameof(entry));
    }
}
