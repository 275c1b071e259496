using System.Data.Common;
using ErpSync.Store.Sql;
using Npgsql;

namespace ErpSync.Store.Postgres;

/// <summary>
/// Pooled connections from one data source. Each write is its own READ COMMITTED transaction; the
/// server commits concurrent transactions together, so no batching is needed here.
/// </summary>
internal sealed class PostgresConnections(NpgsqlDataSource dataSource) : IStoreConnections
{
    private const int MaxAttempts = 3;

    public SqlDialect Dialect => PostgresDialect.Instance;

    // Only failures that guarantee nothing was committed may be retried: after a broken connection the
    // commit may have happened before the reply was lost, and running an insert again would duplicate it.
    private static bool RolledBack(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    public async ValueTask<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<T> ExecuteAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> statement, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            try
            {
                return await statement(connection, null, cancellationToken);
            }
            catch (PostgresException ex) when (RolledBack(ex) && attempt < MaxAttempts)
            {
                // The statement was rolled back as a whole; running it again is safe.
            }
        }
    }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException ex) when (RolledBack(ex) && attempt < MaxAttempts)
            {
                // A deadlock or serialization failure already rolled everything back (disposal ends the
                // transaction), so running the work again is safe.
            }
        }
    }
}
