using System.Data.Common;
using Npgsql;
using ErpSync.Store.Tests.Contract;
using ErpSync.TestKit.Store;

namespace ErpSync.Store.Tests.Postgres;

/// <summary>Class fixture: one fresh database per test class; every setting is a new schema in it.</summary>
public sealed class PostgresTarget : IStoreTarget, IAsyncLifetime
{
    public PostgresTestDatabase Database { get; } = new();

    public StateProvider Provider => StateProvider.Postgres;

    public Task<string> NewSettingAsync(CancellationToken cancellationToken) => Database.CreateSchemaAsync(cancellationToken);

    public async Task<object?> ScalarAsync(string setting, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(setting, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task<DbConnection> OpenConnectionAsync(string setting, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(setting) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public ValueTask InitializeAsync() => Database.InitializeAsync();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
