using System.Data.Common;

namespace ErpSync.Store.Sqlite;

/// <summary>One caller's unit of work waiting for the writer; its task completes after its batch commits.</summary>
internal sealed class SqliteWriteOperation(
    Func<DbConnection, DbTransaction, CancellationToken, Task> execute,
    Action complete,
    Action<Exception> fail,
    CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task ExecuteAsync(DbConnection connection, DbTransaction transaction) => execute(connection, transaction, CancellationToken);

    public void Complete() => complete();

    public void Fail(Exception exception) => fail(exception);

    public static (SqliteWriteOperation Operation, Task<T> Result) Create<T>(
        Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // Continuations must not run on the writer's loop, or one slow caller would stall every commit.
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        T result = default!;
        var operation = new SqliteWriteOperation(
            async (connection, transaction, token) => result = await work(connection, transaction, token),
            () => completion.TrySetResult(result),
            exception =>
            {
                if (exception is OperationCanceledException canceled && cancellationToken.IsCancellationRequested)
                    completion.TrySetCanceled(canceled.CancellationToken);
                else
                    completion.TrySetException(exception);
            },
            cancellationToken);
        return (operation, completion.Task);
    }
}
