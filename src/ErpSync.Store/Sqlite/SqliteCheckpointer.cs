using Dapper;
using Microsoft.Data.Sqlite;

namespace ErpSync.Store.Sqlite;

/// <summary>
/// Copies the WAL back into the database file on its own connection, so the writer's commits do not
/// pay for it (SQLite's automatic checkpoint runs inside the commit that crosses its threshold, which
/// shows up as a latency spike for every caller in that batch). PASSIVE checkpoints never block the
/// writer; the writer keeps a high automatic threshold as a safety net so the WAL stays bounded.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>Units of work committed between checkpoints.</summary>
    public const int WritesPerCheckpoint = 1000;

    /// <summary>Commits between checkpoints, for few but large units (a sweep's thousand rows are one unit).</summary>
    public const int CommitsPerCheckpoint = 64;

    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly SqliteConnection _connection;
    private readonly Task _loop;
    private long _writesSinceCheckpoint;
    private long _commitsSinceCheckpoint;

    public SqliteCheckpointer(SqliteConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Called by the writer after each commit.</summary>
    public void Committed(int writes)
    {
        var commits = Interlocked.Increment(ref _commitsSinceCheckpoint);
        if ((Interlocked.Add(ref _writesSinceCheckpoint, writes) >= WritesPerCheckpoint || commits >= CommitsPerCheckpoint) && _due.CurrentCount == 0)
        {
            Interlocked.Exchange(ref _writesSinceCheckpoint, 0);
            Interlocked.Exchange(ref _commitsSinceCheckpoint, 0);
            try
            {
                _due.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already due: one checkpoint covers everything committed so far.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _connection.DisposeAsync();
        _stop.Dispose();
        _due.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _due.WaitAsync(_stop.Token);
                await _connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE)", cancellationToken: _stop.Token));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SqliteException)
            {
                // A checkpoint that cannot run now simply runs next time; the writer's safety net
                // threshold bounds the WAL meanwhile.
            }
        }
    }
}
