using Npgsql;

namespace ErpSync.TestKit.Store;

/// <summary>
/// A uniquely named PostgreSQL database for one test class (a class fixture), created on first use and
/// dropped afterwards, so engineers and CI runs sharing one server never see each other's rows. Each
/// test takes a fresh schema inside it with <see cref="CreateSchemaAsync"/>.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _databaseName;
    private string? _adminConnectionString;
    private int _schemas;

    /// <summary>Name of the database once created.</summary>
    public string? DatabaseName => _databaseName;

    /// <summary>A connection string for this class's database (created on first call); skips or fails without a server.</summary>
    public async Task<string> GetConnectionStringAsync(CancellationToken cancellationToken)
    {
        var server = PostgresTestServer.Require();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_databaseName is null)
            {
                _adminConnectionString = new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;
                var name = "erpsync_t_" + Guid.NewGuid().ToString("N")[..16];
                await ExecuteAsync(_adminConnectionString, $"CREATE DATABASE {name}", cancellationToken);
                // Commits need not wait for the disk here: locking, isolation and visibility are unchanged,
                // and tests that commit thousands of times stay fast. Benchmarks use the server's settings.
                await ExecuteAsync(_adminConnectionString, $"ALTER DATABASE {name} SET synchronous_commit = off", cancellationToken);
                _databaseName = name;
            }

            return new NpgsqlConnectionStringBuilder(server) { Database = _databaseName }.ConnectionString;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A connection string whose search_path is a new, empty schema in this class's database.</summary>
    public async Task<string> CreateSchemaAsync(CancellationToken cancellationToken)
    {
        var database = await GetConnectionStringAsync(cancellationToken);
        var schema = $"t{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid().ToString("N")[..8]}";
        await ExecuteAsync(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString, $"CREATE SCHEMA {schema}", cancellationToken);
        // Small pools: the server's connections are shared by every test class and engineer.
        return new NpgsqlConnectionStringBuilder(database) { SearchPath = schema, MaxPoolSize = 10 }.ConnectionString;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_databaseName is not null && _adminConnectionString is not null)
            await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", CancellationToken.None);
        _gate.Dispose();
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
