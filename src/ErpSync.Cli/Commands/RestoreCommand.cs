using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Operations;
using ErpSync.Store;
using ErpSync.Store.Operations;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync restore FILE [--yes] [--json]</c>: puts a backup in place of the SQLite state database. Refuses
/// while a server holds the database and for a file this build cannot open; keeps the replaced database
/// under a timestamped name; asks first unless <c>--yes</c>.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The backup to restore (from 'erpsync backup', or a copy of a state database)." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (needed when standard input is not a terminal)." };
        var json = CommonOptions.Json();
        return new Command("restore", "Replace the state database with a backup (the server must be stopped; the replaced file is kept).") { file, yes, json }
            .WithBody((context, cancellationToken) => RunAsync(context, context.ParseResult.GetValue(file)!, context.ParseResult.GetValue(yes), context.ParseResult.GetValue(json), cancellationToken));
    }

    private static async Task<int> RunAsync(CommandContext context, string file, bool yes, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.None);
        var backup = Path.GetFullPath(file, context.Host.CurrentDirectory);
        var time = context.Host.Time;
        using var logging = context.CreateLogging(config);

        if (config.Database.Provider == DatabaseProvider.PostgreSql)
        {
            await using var postgres = await StateDatabaseAccess.OpenAsync(config, time, logging.LoggerFactory, cancellationToken);
            throw new OperationRefusedException(
                $"erpsync does not restore PostgreSQL databases itself; stop every erpsync server, then restore {postgres.Description} with pg_restore:",
                [
                    postgres.Maintenance.ExternalRestoreCommand(backup)!,
                    "(pg_restore reads the password from PGPASSWORD or ~/.pgpass; erpsync never prints it.)",
                ]);
        }

        var target = config.Database.SqlitePath!;
        await using var staged = await StageAsync(backup, target, time, cancellationToken);
        var holders = await SqliteStateFiles.FindHoldersAsync(target, time, cancellationToken);
        if (holders.Any) throw StateDatabaseAccess.InUse("restore", target, holders);

        var summary = staged.Summary;
        var from = $"{backup} (schema version {summary.SchemaVersion}, {summary.Counts.Pairs} document pair(s), {summary.Counts.Logs} audit row(s){LastActivity(summary)})";
        var replaced = File.Exists(target) ? $"; the current database will be kept beside it as {Path.GetFileNameWithoutExtension(target)}-<time>-replaced{Path.GetExtension(target)}" : "";
        Confirmation.Require(context, yes, $"Restore {from} over {target}{replaced}.", "Restore this backup?", "erpsync restore");

        RestoreResult result;
        try
        {
            result = await staged.CommitAsync(cancellationToken);
        }
        catch (StateDatabaseInUseException ex)
        {
            throw StateDatabaseAccess.InUse("restore", target, ex.Holders);
        }

        // Opening migrates a backup from an older erpsync to this build's schema.
        int version;
        await using (var database = await StateDatabaseAccess.OpenAsync(config, time, logging.LoggerFactory, cancellationToken))
            version = database.SchemaVersion;

        if (json)
        {
            context.Output.Json(new
            {
                Database = result.DatabasePath,
                RestoredFrom = backup,
                ReplacedFileKeptAs = result.ReplacedFileKeptAs,
                SchemaVersionOfBackup = summary.SchemaVersion,
                SchemaVersion = version,
                summary.Counts,
            });
            return ExitCodes.Success;
        }

        context.Output.Check(Mark.Ok, $"restored {target} from {backup}");
        if (version != summary.SchemaVersion) context.Output.Check(Mark.Ok, $"migrated from schema version {summary.SchemaVersion} to {version}");
        context.Output.Check(Mark.Info, result.ReplacedFileKeptAs is { } kept
            ? $"the replaced database was kept as {kept}"
            : "there was no database to replace");
        context.Output.Line("Next: start the server again ('sudo systemctl start erpsync'), then run 'erpsync sync' to catch up on changes made since the backup.");
        return ExitCodes.Success;
    }

    private static async Task<StagedRestore> StageAsync(string backup, string target, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await SqliteStateFiles.StageRestoreAsync(backup, target, time, cancellationToken);
        }
        catch (FileNotFoundException ex)
        {
            throw new CliException($"the backup {backup} does not exist; 'ls' the folder, or take one with 'erpsync backup'", ExitCodes.Failure, ex);
        }
        catch (SchemaVersionException ex)
        {
            throw new CliException(
                $"{backup} has schema version {ex.DatabaseVersion}, but this erpsync only knows versions up to {ex.SupportedVersion}: it was written by a newer erpsync. Upgrade erpsync, then restore it. Nothing was changed",
                ExitCodes.Failure,
                ex);
        }
        catch (StateDatabaseException ex)
        {
            throw new CliException($"{ex.Message} Nothing was changed", ExitCodes.Failure, ex);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            throw new CliException($"{backup} cannot be read as a SQLite database ({ex.Message}); nothing was changed", ExitCodes.Failure, ex);
        }
    }

    private static string LastActivity(StateFileSummary summary) =>
        summary.LastActivity is { } last ? $", last activity {last.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "";
}
