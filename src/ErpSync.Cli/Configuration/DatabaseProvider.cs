namespace ErpSync.Cli.Configuration;

/// <summary>Which database holds the sync state.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
