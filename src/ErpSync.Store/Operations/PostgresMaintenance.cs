using Dapper;
using ErpSync.Store.Sql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ErpSync.Store.Operations;

/// <summary>
/// Maintenance of a PostgreSQL state database. Backups are PostgreSQL's own business (<c>pg_dump</c>, with
/// the operator's credentials and retention); erpsync prints the exact command instead of copying.
/// </summary>
internal sealed class PostgresMaintenance(IStoreConnections db, string connectionString, string description, TimeProvider time, ILogger logger)
    : SqlMaintenance(db, time, logger)
{
    private static readonly string[] Tables = ["sync_records", "sync_logs", "conflict_records", "webhook_queue", "sync_cursors", "server_instances", "schema_version"];

    private readonly NpgsqlConnectionStringBuilder _setting = new(connectionString);

    public override async Task<long> GetSizeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Db.OpenReaderAsync(cancellationToken);
        // to_regclass follows the search_path, so the schema erpsync uses is the one measured.
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(sum(pg_total_relation_size(to_regclass(t))), 0)::bigint FROM unnest(@Tables) AS t",
            new { Tables },
            cancellationToken: cancellationToken));
    }

    public override Task<BackupResult> BackupAsync(string destinationPath, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"erpsync does not copy PostgreSQL databases itself; back it up with: {ExternalBackupCommand(destinationPath)}");

    public override string? ExternalBackupCommand(string destinationPath) =>
        PostgresCommandLine.Dump(_setting, destinationPath);

    public override string? ExternalRestoreCommand(string backupPath) =>
        PostgresCommandLine.Restore(_setting, backupPath);

    public override async Task<CompactResult> CompactAsync(CompactMode mode, CancellationToken cancellationToken)
    {
        // Plain VACUUM runs beside readers and writers; VACUUM FULL would lock every table for its duration,
        // so it is left to the operator (see docs/operations.md).
        var sql = $"VACUUM (ANALYZE) {string.Join(", ", Tables)}";
        await Db.ExecuteAsync((connection, _, token) => connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: token)), cancellationToken);
        IReadOnlyList<string> steps = ["VACUUM (ANALYZE)"];
        Logger.Compacted(description, steps[0]);
        return new CompactResult(steps, WalFullyCheckpointed: true);
    }
}
