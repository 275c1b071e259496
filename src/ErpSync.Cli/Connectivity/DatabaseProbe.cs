using ErpSync.Cli.Composition;
using ErpSync.Cli.Configuration;
using ErpSync.Store;
using Microsoft.Extensions.Logging;

namespace ErpSync.Cli.Connectivity;

/// <summary>Whether the state database opens (and at which schema version), without creating one that does not exist yet.</summary>
/// <param name="Display">Where it is (never a password).</param>
/// <param name="Exists">Whether it exists (a missing SQLite file is not an error: the first sync creates it).</param>
/// <param name="SchemaVersion">Schema version after opening.</param>
/// <param name="Problem">Why it could not be opened.</param>
internal sealed record DatabaseProbe(string Display, bool Exists, int? SchemaVersion, string? Problem)
{
    public bool Ok => Problem is null;

    public static async Task<DatabaseProbe> RunAsync(DatabaseSettings database, TimeProvider time, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite && database.SqlitePath is { } path && !File.Exists(path))
            return new DatabaseProbe(database.Display, false, null, null);
        try
        {
            await using var opened = await StateDatabase.OpenAsync(StateDatabaseSetting.From(database), time, loggers, cancellationToken);
            return new DatabaseProbe(opened.Description, true, opened.SchemaVersion, null);
        }
        catch (StateDatabaseException ex)
        {
            return new DatabaseProbe(database.Display, true, null, ex.Message);
        }
    }

    public string Describe() => Problem is not null
        ? $"{Display}: {Problem}"
        : Exists ? $"{Display} opens (schema v{SchemaVersion})" : $"{Display} does not exist yet; the first 'erpsync sync' (or 'erpsync init') creates it";
}
