using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Composition;

/// <summary>Turns the validated <c>ERPSYNC_DB</c> settings back into the one string the store opens.</summary>
internal static class StateDatabaseSetting
{
    public static string From(DatabaseSettings database) => database.Provider switch
    {
        DatabaseProvider.Sqlite => database.SqlitePath ?? DatabaseSettings.DefaultSqliteFile,
        _ => database.ConnectionString?.Reveal()
             ?? throw new InvalidOperationException($"The PostgreSQL setting {database.Display} has no connection string."),
    };
}
