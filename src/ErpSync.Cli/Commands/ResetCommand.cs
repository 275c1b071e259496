using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Operations;
using ErpSync.Store;
using ErpSync.Store.Operations;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync reset [--doctype D [--docname N]] [--queue] [--yes] [--no-backup] [--json]</c>: forgets the sync
/// state of one document, one DocType or everything, so the next sync pairs it again from the sites' names and
/// contents. The server must be stopped; a backup is taken first; asks unless <c>--yes</c>.
/// </summary>
internal static class ResetCommand
{
    public static Command Create()
    {
        var docType = CommonOptions.DocType("Reset only this DocType (default: every DocType).");
        var docName = new Option<string?>("--docname")
        {
            Description = "Reset only this document (needs --doctype); its name on either site.",
            HelpName = "name",
        };
        var queue = new Option<bool>("--queue") { Description = "Also remove the queued, retrying and dead-lettered webhook items of what is reset." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (needed when standard input is not a terminal)." };
        var noBackup = new Option<bool>("--no-backup") { Description = "Skip the automatic backup (required on PostgreSQL, after taking one with pg_dump)." };
        var json = CommonOptions.Json();
        var command = new Command("reset", "Forget sync state (one document, one DocType, or all) so the next sync pairs it again; backs up first.")
        {
            docType, docName, queue, yes, noBackup, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(docName) is { } name && result.GetValue(docType) is null)
            {
                result.AddError($"--docname needs --doctype too, e.g. erpsync reset --doctype Customer --docname \"{name}\".");
            }
        });
        return command.WithBody((context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var scope = new ResetScope(parse.GetValue(docType), parse.GetValue(docName)?.Trim() is { Length: > 0 } n ? n : null, parse.GetValue(queue));
            return RunAsync(context, scope, parse.GetValue(yes), parse.GetValue(noBackup), parse.GetValue(json), cancellationToken);
        });
    }

    private static async Task<int> RunAsync(CommandContext context, ResetScope scope, bool yes, bool noBackup, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.None);
        StateDatabaseAccess.RequireExisting(config.Database);
        var time = context.Host.Time;
        using var logging = context.CreateLogging(config);
        var fileHolders = await StateDatabaseAccess.FindFileHoldersAsync(config.Database, time, cancellationToken);
        if (fileHolders.Any) throw StateDatabaseAccess.InUse("reset", config.Database.Display, fileHolders);

        await using var database = await StateDatabaseAccess.OpenAsync(config, time, logging.LoggerFactory, cancellationToken);
        var holders = await StateDatabaseAccess.HoldersAsync(DatabaseHolders.None, database, cancellationToken);
        if (holders.Any) throw StateDatabaseAccess.InUse("reset", database.Description, holders);

        if (database.Provider == StateProvider.Postgres && !noBackup)
        {
            throw new OperationRefusedException(
                "erpsync cannot back up a PostgreSQL database before a reset; take a backup with pg_dump, then run the reset again with --no-backup:",
                [database.Maintenance.ExternalBackupCommand($"erpsync-{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}-before-reset.dump")!],
                ExitCodes.Usage);
        }

        var what = scope.Queue ? "document pairs, open conflicts, sweep cursors and unprocessed queue items" : "document pairs, open conflicts and sweep cursors";
        Confirmation.Require(
            context,
            yes,
            $"This forgets the sync state of {scope.Describe()} in {database.Description} ({what}); the next 'erpsync sync' pairs the documents again by name and content.",
            noBackup ? "Reset without a backup?" : "Back up, then reset?", "erpsync reset");

        BackupResult? backup = null;
        if (!noBackup)
        {
            backup = await database.Maintenance.BackupAsync(BackupNames.Next(config.Database.SqlitePath!, time.GetUtcNow(), "before-reset"), cancellationToken);
            if (!json) context.Output.Check(Mark.Ok, $"backup written: {backup.Path} ({ByteSize.Format(backup.Bytes)}); 'erpsync restore' brings the old state back");
        }

        var result = await database.Maintenance.ResetAsync(scope, cancellationToken);
        if (json)
        {
            context.Output.Json(new { Scope = new { scope.DocType, scope.DocName, scope.Queue }, Backup = backup?.Path, Removed = result });
            return ExitCodes.Success;
        }

        var queued = scope.Queue ? $", {result.QueueItems} queue item(s)" : "";
        context.Output.Check(Mark.Ok, $"reset {scope.Describe()}: removed {result.Pairs} document pair(s), {result.OpenConflicts} open conflict(s), {result.Cursors} sweep cursor(s){queued}");
        if (result.Pairs == 0 && scope.DocName is not null)
        {
            context.Output.Warning($"no sync state was recorded for {scope.DocType} {scope.DocName} (on either site)");
        }

        context.Output.Line(scope.DocType is null
            ? "Next: run 'erpsync sync' to pair every document again."
            : $"Next: run 'erpsync sync --doctype \"{scope.DocType}\"{(scope.DocName is null ? "" : $" --docname \"{scope.DocName}\"")}' to pair again.");
        return ExitCodes.Success;
    }
}
