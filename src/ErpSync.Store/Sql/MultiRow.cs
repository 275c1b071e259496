using System.Data.Common;

namespace ErpSync.Store.Sql;

/// <summary>
/// Runs one statement for many rows inside the caller's transaction: as ADO.NET batches of
/// <see cref="RowsPerRoundTrip"/> where the provider supports them (PostgreSQL: one network round trip
/// per batch instead of one per row), else as one prepared statement run per row (SQLite, in-process).
/// </summary>
internal static class MultiRow
{
    public const int RowsPerRoundTrip = 500;

    public static async Task ExecuteAsync(
        SqlDialect dialect,
        DbConnection connection,
        DbTransaction transaction,
        string sql,
        IReadOnlyList<string> parameters,
        IEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken cancellationToken)
    {
        if (!connection.CanCreateBatch)
        {
            await using var command = dialect.HotCommand(connection, transaction, sql, parameters);
            foreach (var row in rows)
                await command.SetAll(row).Command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        foreach (var chunk in rows.Chunk(RowsPerRoundTrip))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in chunk)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                for (var i = 0; i < parameters.Count; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = parameters[i];
                    parameter.Value = row[i] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
