using System.Data.Common;
using Dapper;
using ErpSync.Store.Logging;
using ErpSync.Store.Sql;
using Microsoft.Extensions.Logging;

namespace ErpSync.Store.Schema;

/// <summary>
/// Brings a database to the newest schema: every pending migration and its version row in one
/// transaction, so a failure leaves the database exactly as it was. Refuses a newer schema, and a
/// database holding our table names without our version table (another tool's data).
/// </summary>
internal sealed class SchemaMigrator(SchemaDefinition schema, SqlDialect dialect, TimeProvider time, ILogger logger)
{
    public int LatestVersion => schema.LatestVersion;

    public async Task<int> MigrateAsync(DbConnection connection, string description, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (schema.SerializeMigrators.Length > 0)
            await connection.ExecuteAsync(new CommandDefinition(schema.SerializeMigrators, transaction: transaction, cancellationToken: cancellationToken));

        var knownTables = await connection.ExecuteScalarAsync<long>(new CommandDefinition(schema.CountKnownTables, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(schema.CreateVersionTable, transaction: transaction, cancellationToken: cancellationToken));
        var current = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT max(version) FROM schema_version", transaction: transaction, cancellationToken: cancellationToken)) ?? 0;

        if (current > schema.LatestVersion)
            throw new SchemaVersionException(description, current, schema.LatestVersion);
        if (current == 0 && knownTables > 0)
        {
            throw new StateDatabaseException(
                $"The state database {description} already has tables named like erpsync's (sync_records, webhook_queue, …) but no schema_version table, "
                + "so it was not created by erpsync (perhaps by the original sync tool). Nothing was changed. Move it aside or point ERPSYNC_DB at a new database.");
        }

        foreach (var migration in schema.Migrations.Where(m => m.Version > current))
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)",
                new { migration.Version, migration.Description, AppliedAt = dialect.Time(time.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
            logger.MigrationApplied(migration.Version, migration.Description, description);
        }

        await transaction.CommitAsync(cancellationToken);
        return schema.LatestVersion;
    }
}
