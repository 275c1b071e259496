using System.Text;

namespace ErpSync.Cli.Configuration;

/// <summary>
/// Reads <c>ERPSYNC_DB</c>: a SQLite path (relative to the file that set it), <c>sqlite:///path</c> (the original
/// tool's SQLAlchemy form), a <c>postgres://user:pass@host:port/db?sslmode=require</c> URL, or an Npgsql
/// <c>Host=…;Database=…</c> string. Problems never echo the value: it may hold a password.
/// </summary>
internal static class DatabaseSettingsParser
{
    private static readonly string[] PostgresKeys =
    [
        "host", "server", "port", "database", "db", "username", "user id", "userid", "user", "password", "pwd",
        "ssl mode", "sslmode", "trust server certificate", "timeout", "command timeout", "pooling",
        "minimum pool size", "maximum pool size", "application name", "search path", "keepalive", "include error detail",
    ];

    public static DatabaseSettings Default(string currentDirectory)
    {
        var path = Path.GetFullPath(DatabaseSettings.DefaultSqliteFile, currentDirectory);
        return new DatabaseSettings(DatabaseProvider.Sqlite, path, null, null, path, null);
    }

    public static DatabaseSettings? Parse(EnvValue value, ConfigDiagnostics diagnostics)
    {
        var text = value.Value.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromPostgresUrl(value, text, diagnostics);
        }

        if (text.StartsWith("sqlite:///", StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite(value, Uri.UnescapeDataString(text["sqlite:///".Length..]), diagnostics);
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            diagnostics.Error(value.Error("names a database ErpSync does not support",
                "Use a SQLite file path (e.g. sync_state.db) or a PostgreSQL postgres://user:password@host:5432/dbname URL"));
            return null;
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            return FromKeywords(value, text, diagnostics);
        }

        return Sqlite(value, text, diagnostics);
    }

    private static DatabaseSettings? Sqlite(EnvValue value, string path, ConfigDiagnostics diagnostics)
    {
        if (path.Length == 0 || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || path.EndsWith('/'))
        {
            diagnostics.Error(value.Error("is not a usable SQLite file path", "Give a file name such as sync_state.db or /var/lib/erpsync/sync_state.db"));
            return null;
        }

        var full = Path.GetFullPath(path, value.BaseDirectory);
        return new DatabaseSettings(DatabaseProvider.Sqlite, full, null, null, full, value.Key);
    }

    private static DatabaseSettings? FromPostgresUrl(EnvValue value, string text, ConfigDiagnostics diagnostics)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            diagnostics.Error(value.Error("is not a valid PostgreSQL URL", "Write it as postgres://user:password@host:5432/dbname (percent-encode special characters in the password)"));
            return null;
        }

        var database = Uri.UnescapeDataString(url.AbsolutePath.Trim('/'));
        if (database.Length == 0)
        {
            diagnostics.Error(value.Error("has no database name", "End the URL with /dbname, e.g. postgres://erpsync@db.example.com:5432/erpsync"));
            return null;
        }

        var builder = new StringBuilder();
        Append(builder, "Host", url.Host);
        Append(builder, "Port", (url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(builder, "Database", database);
        string? password = null;
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            Append(builder, "Username", Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]));
            if (colon >= 0)
            {
                password = Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
                Append(builder, "Password", password);
            }
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0]).ToLowerInvariant();
            var setting = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            switch (name)
            {
                case "sslmode": Append(builder, "SSL Mode", setting); break;
                case "application_name": Append(builder, "Application Name", setting); break;
                case "connect_timeout": Append(builder, "Timeout", setting); break;
                default:
                    diagnostics.Error(value.Error($"has the URL parameter '{name}', which ErpSync does not understand",
                        "Use sslmode, application_name or connect_timeout, or give an Npgsql Host=…;Database=… string instead"));
                    return null;
            }
        }

        var display = $"PostgreSQL {url.Host}:{(url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port)}/{database}";
        return Postgres(value, builder.ToString(), password, display);
    }

    private static DatabaseSettings? FromKeywords(EnvValue value, string text, ConfigDiagnostics diagnostics)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || kv[0].Length == 0)
            {
                diagnostics.Error(value.Error("is not a valid connection string", "Write it as Host=db.example.com;Port=5432;Database=erpsync;Username=erpsync;Password=…"));
                return null;
            }

            if (!PostgresKeys.Contains(kv[0].ToLowerInvariant()))
            {
                var hint = Suggestions.DidYouMean(kv[0], ["Host", "Port", "Database", "Username", "Password", "SSL Mode"]);
                diagnostics.Error(value.Error($"has the keyword '{kv[0]}', which is not a PostgreSQL connection setting",
                    $"{hint} Use Host, Port, Database, Username, Password, SSL Mode".TrimStart()));
                return null;
            }

            pairs[kv[0]] = kv[1];
        }

        var host = pairs.GetValueOrDefault("Host") ?? pairs.GetValueOrDefault("Server");
        var database = pairs.GetValueOrDefault("Database") ?? pairs.GetValueOrDefault("DB");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(database))
        {
            diagnostics.Error(value.Error("lacks Host or Database", "Write it as Host=db.example.com;Port=5432;Database=erpsync;Username=erpsync;Password=…"));
            return null;
        }

        var password = pairs.GetValueOrDefault("Password") ?? pairs.GetValueOrDefault("Pwd");
        var port = pairs.GetValueOrDefault("Port") ?? "5432";
        return Postgres(value, text, password, $"PostgreSQL {host}:{port}/{database}");
    }

    private static DatabaseSettings Postgres(EnvValue value, string connectionString, string? password, string display) =>
        new(DatabaseProvider.PostgreSql, null, new Secret(connectionString),
            string.IsNullOrEmpty(password) ? null : new Secret(password), display, value.Key);

    private static void Append(StringBuilder builder, string key, string value)
    {
        if (builder.Length > 0) builder.Append(';');
        builder.Append(key).Append('=');
        // Npgsql accepts double-quoted values; quote anything that would break the ;/= grammar.
        if (value.IndexOfAny([';', '=', '"', '\'', ' ']) >= 0) builder.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        else builder.Append(value);
    }
}
