namespace ErpSync.Cli.Configuration;

/// <summary>
/// The state database from <c>ERPSYNC_DB</c> (or the original tool's <c>DATABASE_URL</c>): a SQLite file path,
/// or a PostgreSQL <c>postgres://</c> URL / <c>Host=…</c> connection string.
/// </summary>
/// <param name="Provider">SQLite or PostgreSQL.</param>
/// <param name="SqlitePath">Absolute path of the SQLite file (SQLite only).</param>
/// <param name="ConnectionString">Npgsql keyword connection string, password included (PostgreSQL only).</param>
/// <param name="Password">The password inside <paramref name="ConnectionString"/>, for the redaction guard.</param>
/// <param name="Display">Where the data lives, for messages: the SQLite path, or host/port/database without credentials.</param>
/// <param name="SourceKey">The environment key it came from, or <c>null</c> for the default.</param>
internal sealed record DatabaseSettings(
    DatabaseProvider Provider,
    string? SqlitePath,
    Secret? ConnectionString,
    Secret? Password,
    string Display,
    string? SourceKey)
{
    public const string DefaultSqliteFile = "sync_state.db";
}
