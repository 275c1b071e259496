using System.Data.Common;
using System.Threading.Channels;
using ErpSync.Store.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ErpSync.Store.Sqlite;

/// <summary>
/// The single writer connection. Callers post units of work to a channel; one loop drains whatever is
/// waiting (up to <see cref="MaxBatch"/>) and runs it in one transaction — group commit: under load many
/// writes share one fsync, while a lone write is committed at once. One failing caller never undoes its
/// neighbours (the batch is then redone with a savepoint per unit), and each caller's task completes
/// only after the commit that holds its rows.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    public const int MaxBatch = 1024;

    private const string Savepoint = "unit";

    private readonly Channel<SqliteWriteOperation> _channel =
        Channel.CreateBounded<SqliteWriteOperation>(new BoundedChannelOptions(16_384) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _batches;
    private long _operations;

    private readonly SqliteCheckpointer? _checkpointer;

    public SqliteWriter(SqliteConnection connection, SqliteCheckpointer? checkpointer, ILogger logger)
    {
        _connection = connection;
        _checkpointer = checkpointer;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Committed transactions so far.</summary>
    public long CommittedBatches => Interlocked.Read(ref _batches);

    /// <summary>Units of work committed so far.</summary>
    public long CommittedOperations => Interlocked.Read(ref _operations);

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (operation, result) = SqliteWriteOperation.Create(work, cancellationToken);
        // Synchronous when there is room, so a caller's order of calls is the order of execution.
        return _channel.Writer.TryWrite(operation) ? result : WaitForRoomAsync(operation, result, cancellationToken);
    }

    private async Task<T> WaitForRoomAsync<T>(SqliteWriteOperation operation, Task<T> result, CancellationToken cancellationToken)
    {
        try
        {
            await _channel.Writer.WriteAsync(operation, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The state database is closed.");
        }

        return await result;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
        if (_checkpointer is not null)
            await _checkpointer.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWriteOperation>(MaxBatch);
        while (await _channel.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var operation))
                batch.Add(operation);

            try
            {
                if (!await TryCommitTogetherAsync(batch))
                {
                    var next = 0;
                    while (next < batch.Count)
                        next = await CommitEachInSavepointFromAsync(batch, next);
                }
            }
            catch (Exception ex)
            {
                // The loop must outlive any failure (e.g. another process holding the file's write lock
                // beyond the busy timeout), or every later write would hang.
                _logger.BatchFailed(ex, batch.Count);
                foreach (var operation in batch)
                    operation.Fail(ex);
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// The common case: every unit succeeds, so all run in one transaction with no per-unit overhead.
    /// Returns <c>false</c>, having rolled everything back, when a unit fails: the batch is then redone
    /// one savepoint per unit (units only touch the database, so running one again is safe).
    /// </summary>
    private async Task<bool> TryCommitTogetherAsync(List<SqliteWriteOperation> batch)
    {
        var transaction = _connection.BeginTransaction(deferred: false);
        var done = new List<SqliteWriteOperation>(batch.Count);
        try
        {
            foreach (var operation in batch)
            {
                if (operation.CancellationToken.IsCancellationRequested)
                {
                    operation.Fail(new OperationCanceledException(operation.CancellationToken));
                    continue;
                }

                try
                {
                    await operation.ExecuteAsync(_connection, transaction);
                }
                catch (Exception)
                {
                    RollbackQuietly(transaction);
                    return false;
                }

                done.Add(operation);
            }

            try
            {
                transaction.Commit();
            }
            catch (Exception ex)
            {
                FailAll(done, ex);
                return true;
            }
        }
        finally
        {
            DisposeQuietly(transaction);
        }

        Committed(done);
        return true;
    }

    /// <summary>Runs units from <paramref name="start"/> in one transaction, each in a savepoint; returns where the next transaction must resume.</summary>
    private async Task<int> CommitEachInSavepointFromAsync(List<SqliteWriteOperation> batch, int start)
    {
        var transaction = _connection.BeginTransaction(deferred: false);
        var done = new List<SqliteWriteOperation>(batch.Count - start);
        try
        {
            for (var i = start; i < batch.Count; i++)
            {
                var operation = batch[i];
                if (operation.CancellationToken.IsCancellationRequested)
                {
                    operation.Fail(new OperationCanceledException(operation.CancellationToken));
                    continue;
                }

                transaction.Save(Savepoint);
                try
                {
                    await operation.ExecuteAsync(_connection, transaction);
                    transaction.Release(Savepoint);
                    done.Add(operation);
                }
                catch (Exception ex)
                {
                    operation.Fail(ex);
                    if (!TryUndo(transaction))
                    {
                        // SQLite dropped the whole transaction (I/O error, disk full): the units before
                        // this one are lost with it; the ones after get a fresh transaction.
                        FailAll(done, ex);
                        return i + 1;
                    }
                }
            }

            try
            {
                transaction.Commit();
            }
            catch (Exception ex)
            {
                FailAll(done, ex);
                return batch.Count;
            }
        }
        finally
        {
            DisposeQuietly(transaction);
        }

        Committed(done);
        return batch.Count;
    }

    private void Committed(List<SqliteWriteOperation> done)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _operations, done.Count);
        foreach (var operation in done)
            operation.Complete();
        _checkpointer?.Committed(done.Count);
    }

    private static void RollbackQuietly(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite may already have ended the transaction itself; then there is nothing to undo.
        }
    }

    private static void DisposeQuietly(SqliteTransaction transaction)
    {
        try
        {
            transaction.Dispose();
        }
        catch (SqliteException)
        {
            // Disposing rolls back a transaction SQLite may already have ended itself; nothing is left to undo.
        }
    }

    private static bool TryUndo(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            return true;
        }
        catch (SqliteException)
        {
            RollbackQuietly(transaction);
            return false;
        }
    }

    private void FailAll(List<SqliteWriteOperation> operations, Exception exception)
    {
        if (operations.Count > 0)
            _logger.BatchFailed(exception, operations.Count);
        foreach (var operation in operations)
            operation.Fail(exception);
    }
}
