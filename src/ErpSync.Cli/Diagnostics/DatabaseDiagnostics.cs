using ErpSync.Cli.Composition;
using ErpSync.Cli.Configuration;
using ErpSync.Store;
using ErpSync.Store.Presence;

namespace ErpSync.Cli.Diagnostics;

/// <summary>Opens an existing state database (never creates one): schema version, and which servers beat in it.</summary>
internal static class DatabaseDiagnostics
{
    public static async Task<(DoctorCheck Check, IReadOnlyList<ServerInstance>? LiveServers)> RunAsync(DoctorCheck location, DatabaseSettings database, TimeProvider time, CancellationToken cancellationToken)
    {
        // A missing SQLite file is reported by the location check (warn: init creates it); nothing to open.
        if (location.Status != CheckStatus.Ok) return (location, null);
        try
        {
            await using var opened = await StateDatabase.OpenAsync(StateDatabaseSetting.From(database), time, null, cancellationToken);
            var live = await opened.Servers.ListLiveAsync(cancellationToken);
            var size = database.SqlitePath is { } path && File.Exists(path) ? $", {new FileInfo(path).Length / 1024} KiB" : "";
            return (location with { Message = $"{opened.Description} opens, schema v{opened.SchemaVersion}{size}" }, live);
        }
        catch (SchemaVersionException ex)
        {
            return (location with { Status = CheckStatus.Fail, Message = ex.Message, Fix = "run the erpsync version that wrote it, or restore a backup made by this one" }, null);
        }
        catch (StateDatabaseException ex)
        {
            return (location with { Status = CheckStatus.Fail, Message = $"{database.Display}: {ex.Message}", Fix = "check ERPSYNC_DB (path, host, user, password) and that the database server runs" }, null);
        }
    }
}
