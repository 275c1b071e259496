using System.Data.Common;
using Microsoft.Data.Sqlite;
using ErpSync.Store.Tests.Contract;
using ErpSync.TestKit.Store;

namespace ErpSync.Store.Tests.Sqlite;

/// <summary>Class fixture: a temp folder; every setting is a new SQLite file in it.</summary>
public sealed class SqliteTarget : IStoreTarget, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public StateProvider Provider => StateProvider.Sqlite;

    public Task<string> NewSettingAsync(CancellationToken cancellationToken) => Task.FromResult(_directory.NewFile());

    public async Task<object?> ScalarAsync(string setting, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(setting, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task<DbConnection> OpenConnectionAsync(string setting, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = setting, Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public void Dispose() => _directory.Dispose();
}
