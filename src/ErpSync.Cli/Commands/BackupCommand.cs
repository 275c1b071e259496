using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Operations;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync backup [--to FILE] [--json]</c>: a consistent copy of the SQLite state database, taken online
/// (a running server carries on), named <c>sync_state-yyyyMMdd-HHmmss.db</c> beside it by default. On
/// PostgreSQL it prints the <c>pg_dump</c> command instead.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var to = new Option<string?>("--to")
        {
            Description = "Where to write the copy (default: beside the database, named with the UTC time, e.g. sync_state-20261122-013000.db). Never overwritten.",
            HelpName = "FILE",
        };
        var json = CommonOptions.Json();
        return new Command("backup", "Copy the state database consistently, even while the server runs.") { to, json }
            .WithBody((context, cancellationToken) => RunAsync(context, context.ParseResult.GetValue(to), context.ParseResult.GetValue(json), cancellationToken));
    }

    private static async Task<int> RunAsync(CommandContext context, string? to, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.None);
        StateDatabaseAccess.RequireExisting(config.Database);
        using var logging = context.CreateLogging(config);
        await using var database = await StateDatabaseAccess.OpenAsync(config, context.Host.Time, logging.LoggerFactory, cancellationToken);
        var now = context.Host.Time.GetUtcNow();

        if (database.Provider == Store.StateProvider.Postgres)
        {
            var file = to is null
                ? $"erpsync-{now.UtcDateTime:yyyyMMdd-HHmmss}.dump"
                : Path.GetFullPath(to, context.Host.CurrentDirectory);
            throw new OperationRefusedException(
                $"erpsync does not copy PostgreSQL databases itself; back up {database.Description} with PostgreSQL's pg_dump:",
                [
                    database.Maintenance.ExternalBackupCommand(file)!,
                    "(pg_dump reads the password from PGPASSWORD or ~/.pgpass; erpsync never prints it. pg_dump takes a consistent snapshot while the server runs.)",
                ]);
        }

        var destination = to is null
            ? BackupNames.Next(config.Database.SqlitePath!, now)
            : Path.GetFullPath(to, context.Host.CurrentDirectory);
        Store.Operations.BackupResult backup;
        try
        {
            backup = await database.Maintenance.BackupAsync(destination, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new CliException($"cannot write the backup: {ex.Message}", ExitCodes.Failure, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException($"cannot write the backup to {destination}: permission denied; choose a writable folder with --to", ExitCodes.Failure, ex);
        }

        if (json)
        {
            context.Output.Json(new { backup.Path, backup.Bytes, backup.SchemaVersion, Database = database.Description, Counts = backup.Counts });
            return ExitCodes.Success;
        }

        context.Output.Check(Mark.Ok, $"backup written: {backup.Path} ({ByteSize.Format(backup.Bytes)}, schema version {backup.SchemaVersion})");
        var counts = backup.Counts;
        context.Output.Line($"  {counts.Pairs} document pair(s), {counts.Logs} audit row(s), {counts.QueuePending + counts.QueueProcessing} queue item(s) waiting, {counts.QueueDead} dead-lettered, {counts.OpenConflicts} open conflict(s)");
        context.Output.Line($"  restore it with: erpsync restore {Quote(backup.Path)}");
        return ExitCodes.Success;
    }

    internal static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || "'\"$`\\".Contains(c, StringComparison.Ordinal))
        ? "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
        : path;
}
