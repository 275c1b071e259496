using Npgsql;

namespace ErpSync.Benchmarks.Store;

/// <summary>A fresh state database for one run — a temp SQLite file, or a new PostgreSQL database — removed afterwards.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;
    private readonly string? _directory;

    private BenchmarkDatabase(string setting, string? directory, string? adminConnectionString, string? databaseName)
    {
        Setting = setting;
        _directory = directory;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    /// <summary>The <c>ERPSYNC_DB</c> value for it.</summary>
    public string Setting { get; }

    public static BenchmarkDatabase Sqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "erpsync-bench", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        return new BenchmarkDatabase(Path.Combine(directory, "sync_state.db"), directory, null, null);
    }

    public static async Task<BenchmarkDatabase> PostgresAsync(string server, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;
        var name = "erpsync_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}", cancellationToken);
        return new BenchmarkDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null)
            await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", CancellationToken.None);
        if (_directory is not null)
            Directory.Delete(_directory, recursive: true);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
