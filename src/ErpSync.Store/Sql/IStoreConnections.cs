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

    /// <summary>
    /// Runs one statement that is atomic by itself, durable when the task completes. On PostgreSQL it
    /// runs without an explicit transaction (one round trip instead of two); on SQLite it joins the
    /// writer's group commit like any write, so the transaction passed may be <c>null</c> or not.
    /// </summary>
    Task<T> ExecuteAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> statement, CancellationToken cancellationToken);
}
