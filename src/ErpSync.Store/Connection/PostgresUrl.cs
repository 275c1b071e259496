using Npgsql;

namespace ErpSync.Store.Connection;

/// <summary>Turns a libpq-style <c>postgres://user:password@host:port/database?option=value</c> URL into Npgsql settings.</summary>
internal static class PostgresUrl
{
    private static readonly Dictionary<string, SslMode> SslModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["disable"] = SslMode.Disable,
        ["allow"] = SslMode.Allow,
        ["prefer"] = SslMode.Prefer,
        ["require"] = SslMode.Require,
        ["verify-ca"] = SslMode.VerifyCA,
        ["verify-full"] = SslMode.VerifyFull,
    };

    // libpq's URL option names, as users copy them from other tools, mapped to Npgsql's keywords.
    private static readonly Dictionary<string, string> LibpqOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["target_session_attrs"] = "Target Session Attributes",
        ["search_path"] = "Search Path",
    };

    public static NpgsqlConnectionStringBuilder ToBuilder(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StateDatabaseException(
                "ERPSYNC_DB starts with postgres:// but is not a valid URL. Expected postgres://user:password@host:5432/database (percent-encode special characters in the password).");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.IdnHost, Port = uri.IsDefaultPort ? 5432 : uri.Port };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
            builder.Database = database;

        foreach (var (key, value) in QueryOptions(uri.Query))
            Apply(builder, key, value);
        return builder;
    }

    private static IEnumerable<(string Key, string Value)> QueryOptions(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Uri.UnescapeDataString(pair[0]), pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : ""));

    private static void Apply(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
        {
            builder.SslMode = SslModes.TryGetValue(value, out var mode)
                ? mode
                : throw new StateDatabaseException($"ERPSYNC_DB has sslmode={value}; use one of {string.Join(", ", SslModes.Keys)}.");
            return;
        }

        if (key.Equals("password", StringComparison.OrdinalIgnoreCase))
        {
            builder.Password = value;
            return;
        }

        try
        {
            builder[LibpqOptions.GetValueOrDefault(key, key)] = value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new StateDatabaseException($"ERPSYNC_DB has the option '{key}', which PostgreSQL connections do not understand: {ex.Message}", ex);
        }
    }
}
