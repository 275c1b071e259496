using System.Text;
using Npgsql;

namespace ErpSync.Store.Operations;

/// <summary>
/// <c>pg_dump</c> / <c>pg_restore</c> command lines for a state database, ready to paste into a shell. The
/// password is never part of them: libpq takes it from <c>PGPASSWORD</c> or <c>~/.pgpass</c>.
/// </summary>
internal static class PostgresCommandLine
{
    public static string Dump(NpgsqlConnectionStringBuilder setting, string file) =>
        Build("pg_dump", setting, ["--format=custom", "--no-owner", $"--file={file}"], schemaOption: "--schema");

    public static string Restore(NpgsqlConnectionStringBuilder setting, string file) =>
        Build("pg_restore", setting, ["--clean", "--if-exists", "--no-owner", "--single-transaction"], schemaOption: "--schema", trailing: file);

    private static string Build(string tool, NpgsqlConnectionStringBuilder setting, string[] options, string schemaOption, string? trailing = null)
    {
        var line = new StringBuilder();
        if (setting.SslMode is not (SslMode.Prefer or SslMode.Disable or SslMode.Allow))
            line.Append("PGSSLMODE=").Append(setting.SslMode.ToString().ToLowerInvariant() switch
            {
                "verifyca" => "verify-ca",
                "verifyfull" => "verify-full",
                var mode => mode,
            }).Append(' ');
        line.Append(tool);
        Append(line, "--host", setting.Host);
        Append(line, "--port", setting.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(line, "--username", setting.Username);
        Append(line, "--dbname", setting.Database);
        if (!string.IsNullOrWhiteSpace(setting.SearchPath))
        {
            foreach (var schema in setting.SearchPath.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                Append(line, schemaOption, schema.Trim('"'));
        }

        foreach (var option in options)
        {
            var parts = option.Split('=', 2);
            if (parts.Length == 2)
                Append(line, parts[0], parts[1]);
            else
                line.Append(' ').Append(option);
        }

        if (trailing is not null)
            line.Append(' ').Append(Quote(trailing));
        return line.ToString();
    }

    private static void Append(StringBuilder line, string option, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            line.Append(' ').Append(option).Append('=').Append(Quote(value));
    }

    /// <summary>POSIX shell quoting: bare when only safe characters, otherwise single quotes.</summary>
    internal static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:@%+,=".Contains(c, StringComparison.Ordinal))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
