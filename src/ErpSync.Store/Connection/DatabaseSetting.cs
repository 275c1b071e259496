using Microsoft.Data.Sqlite;
using Npgsql;

namespace ErpSync.Store.Connection;

/// <summary>
/// The parsed <c>ERPSYNC_DB</c> setting: a SQLite path, a <c>postgres://</c> URL or an Npgsql
/// <c>Host=…</c> string. <see cref="Description"/> is safe to print: it never holds the password.
/// </summary>
internal sealed record DatabaseSetting(StateProvider Provider, string ConnectionString, string Description)
{
    public const string DefaultSqlitePath = "sync_state.db";

    /// <summary>
    /// Npgsql's default of 100 equals PostgreSQL's default max_connections, so a burst of webhooks in
    /// one process could take every connection the server has; callers beyond this wait for a free one.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Never the connection string: it may hold a password.</summary>
    public override string ToString() => Description;

    public static DatabaseSetting Parse(string? setting)
    {
        var value = setting?.Trim();
        if (string.IsNullOrEmpty(value))
            return Sqlite(DefaultSqlitePath);
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return Postgres(PostgresUrl.ToBuilder(value), NamesPoolSize(new Uri(value).Query.TrimStart('?').Replace('&', ';')));
        if (LooksLikeKeyValueString(value))
            return Postgres(ParseKeyValue(value), NamesPoolSize(value));
        return Sqlite(value);
    }

    private static DatabaseSetting Sqlite(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StateDatabaseException(
                $"The folder {directory} for the SQLite state database does not exist. Create it, or set ERPSYNC_DB to a path in an existing folder.");
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new DatabaseSetting(StateProvider.Sqlite, builder.ConnectionString, $"SQLite {fullPath}");
    }

    private static DatabaseSetting Postgres(NpgsqlConnectionStringBuilder builder, bool poolSizeGiven)
    {
        if (!poolSizeGiven)
            builder.MaxPoolSize = DefaultMaxPoolSize;
        builder.PersistSecurityInfo = false;
        if (string.IsNullOrEmpty(builder.ApplicationName))
            builder.ApplicationName = "erpsync";
        if (string.IsNullOrEmpty(builder.Host))
            throw new StateDatabaseException("The PostgreSQL setting in ERPSYNC_DB names no host. Use postgres://user:password@host:5432/database or Host=…;Database=….");

        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        var database = string.IsNullOrEmpty(builder.Database) ? "" : "/" + builder.Database;
        var schema = string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})";
        var description = $"PostgreSQL {user}{builder.Host}:{builder.Port}{database}{schema}";
        return new DatabaseSetting(StateProvider.Postgres, builder.ConnectionString, description);
    }

    private static bool LooksLikeKeyValueString(string value) =>
        value.Split(';').Any(part =>
        {
            var key = part.Split('=', 2)[0].Trim();
            return part.Contains('=', StringComparison.Ordinal)
                && (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase));
        });

    private static bool NamesPoolSize(string keyValues) =>
        keyValues.Split(';')
            .Select(part => part.Split('=', 2)[0].Replace(" ", "", StringComparison.Ordinal).Trim())
            .Any(key => key.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase) || key.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));

    private static NpgsqlConnectionStringBuilder ParseKeyValue(string value)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            // The connection string itself may hold a password, so only Npgsql's reason is repeated.
            throw new StateDatabaseException($"ERPSYNC_DB looks like a PostgreSQL connection string but cannot be read: {ex.Message}", ex);
        }
    }
}
