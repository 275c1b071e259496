using ErpSync.Core.State;
using ErpSync.Store.Locks;
using ErpSync.Store.Logging;
using ErpSync.Store.Sql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ErpSync.Store.Postgres;

/// <summary>
/// Per-document locks shared by every process on the database: a session-level advisory lock held on a
/// dedicated connection for as long as the lock is held. Session locks rather than transaction locks,
/// because a sync holds its lock across seconds of HTTP calls and an open transaction that long would
/// be "idle in transaction" (killed by many servers' idle_in_transaction_session_timeout, and holding
/// back vacuum); and if the process dies, its connection closes and the server frees the lock at once.
/// Waiters in this process queue on an in-process lock first, so each key uses at most one connection.
/// </summary>
internal sealed class PostgresDocumentLocks(NpgsqlDataSource dataSource, ILogger<PostgresDocumentLocks> logger) : IDocumentLocks
{
    private readonly KeyedLocks _local = new();

    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var local = await _local.AcquireAsync(key, cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var lockKey = LockKey.ForDocument(key);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                command.Parameters.AddWithValue("key", lockKey);
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // The cancel may have raced the grant; make sure the pooled connection holds nothing.
                    await UnlockAllQuietlyAsync(connection);
                    throw;
                }
            }

            return new Holder(logger, connection, key, lockKey, local);
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync();
            await local.DisposeAsync();
            throw;
        }
    }

    private static async Task UnlockAllQuietlyAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // A broken connection is discarded by the pool, and its session's locks end with it.
        }
    }

    private sealed class Holder(ILogger logger, NpgsqlConnection connection, string key, long lockKey, IAsyncDisposable local) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
                return;
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", lockKey);
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                logger.UnlockFailed(ex, key);
                await UnlockAllQuietlyAsync(connection);
            }
            finally
            {
                await connection.DisposeAsync();
                await local.DisposeAsync();
            }
        }
    }
}
