using System.Data.Common;

namespace ErpSync.Store.Sql;

/// <summary>How the shared SQL code reaches a database: parallel readers, and transactional writes.</summary>
internal interface IStoreConnections
{
    SqlDialect Dialect { get; }

    /// <summary>An open connection for queries only; the caller disposes it.</summary>
    ValueTask<DbConnection> OpenReaderAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> inside a transaction and completes only once that transaction is
    /// committed. The work may run more than once (after a deadlock), so it must only touch the database.
    /// </summary>
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
