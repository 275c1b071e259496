using System.Data.Common;
using ErpSync.Store.Sql;
using Microsoft.Data.Sqlite;

namespace ErpSync.Store.Sqlite;

/// <summary>Readers on pooled read-only connections, in parallel; every write through the one writer.</summary>
internal sealed class SqliteConnections(SqliteWriter writer, string readerConnectionString) : IStoreConnections
{
    public SqlDialect Dialect => SqliteDialect.Instance;

    public async ValueTask<DbConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(readerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        writer.WriteAsync(work, cancellationToken);

    public Task<T> ExecuteAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> statement, CancellationToken cancellationToken) =>
        writer.WriteAsync((connection, transaction, token) => statement(connection, transaction, token), cancellationToken);

    public void ClearReaderPool()
    {
        using var connection = new SqliteConnection(readerConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
