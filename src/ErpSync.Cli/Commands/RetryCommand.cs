using System.CommandLine;
using System.Globalization;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Operations;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync retry (--all | --doctype D | --id N) [--json]</c>: re-queues dead-lettered queue items (due now, attempts
/// reset) and the document pairs whose last sync failed (<c>error</c> or <c>failed</c>: one queue item each, retry
/// count reset). One of the options is required, so a bare <c>retry</c> never re-queues everything by accident.
/// </summary>
internal static class RetryCommand
{
    public const string QueueAction = "retry";

    public static Command Create()
    {
        var docType = CommonOptions.DocType("Re-queue the failed and dead-lettered items of this DocType.");
        var all = new Option<bool>("--all") { Description = "Re-queue the failed and dead-lettered items of every DocType." };
        var id = CommonOptions.WholeNumber("--id", 1, "Re-queue one document pair by its id (sync_records.id, as in 'erpsync conflicts' and 'erpsync status').");
        var json = CommonOptions.Json();
        var command = new Command("retry", "Re-queue failed and dead-lettered items.") { docType, all, id, json };
        command.Validators.Add(result =>
        {
            // GetResult, not GetValue: a value that failed to parse must surface as its own parse error, not throw here.
            var given = (result.GetResult(docType) is not null ? 1 : 0) + (result.GetValue(all) ? 1 : 0) + (result.GetResult(id) is not null ? 1 : 0);
            if (given > 1) result.AddError("Use one of --doctype D, --id N or --all, not several.");
            else if (given == 0) result.AddError("Say what to retry: --doctype D for one DocType, --id N for one document pair, or --all for everything.");
        });
        return command.WithBody((context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            return RunAsync(context, parse.GetValue(docType), parse.GetValue(id), parse.GetValue(json), cancellationToken);
        });
    }

    private static async Task<int> RunAsync(CommandContext context, string? docType, int? id, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.None);
        StateDatabaseAccess.RequireExisting(config.Database);
        using var logging = context.CreateLogging(config);
        await using var database = await StateDatabaseAccess.OpenAsync(config, context.Host.Time, logging.LoggerFactory, cancellationToken);

        List<SyncRecord> pairs;
        var deadItems = 0;
        if (id is { } pairId)
        {
            var record = await database.Store.GetRecordAsync(pairId, cancellationToken)
                ?? throw new CliException($"there is no document pair {pairId} in {database.Description}");
            if (record.Status is SyncStatus.Synced or SyncStatus.Deleted)
            {
                throw new CliException($"document pair {pairId} ({record.DocType} {record.DisplayName}) is {record.Status.ToString().ToLowerInvariant()}; there is nothing to retry");
            }

            if (record.Status == SyncStatus.Conflict)
            {
                throw new CliException($"document pair {pairId} ({record.DocType} {record.DisplayName}) waits for a conflict decision, not a retry; see 'erpsync conflicts list'");
            }

            pairs = [record];
        }
        else
        {
            deadItems = await database.Queue.RequeueDeadAsync(docType, cancellationToken);
            pairs = [];
            foreach (var status in new[] { SyncStatus.Failed, SyncStatus.Error })
            {
                await foreach (var record in database.Store.ListRecordsByStatusAsync(status, docType, cancellationToken)) pairs.Add(record);
            }
        }

        var items = pairs.Select(p => new NewQueueItem(p.CloudName is not null ? SiteName.Cloud : SiteName.Local, p.DocType, p.CloudName ?? p.LocalName!, QueueAction,
            $"{{\"requeued_by\":\"erpsync retry\",\"sync_record\":{p.Id.ToString(CultureInfo.InvariantCulture)}}}")).ToList();
        // Queue first, then reset the pairs: a crash in between leaves items that re-sync pairs still marked failed, never the reverse.
        await database.Queue.EnqueueManyAsync(items, cancellationToken);
        foreach (var pair in pairs)
        {
            await database.Store.SaveRecordAsync(pair with { Status = SyncStatus.Pending, RetryCount = 0 }, cancellationToken);
        }

        var scope = id is { } n ? $"document pair {n}" : docType ?? "every DocType";
        foreach (var pair in pairs)
        {
            await database.Store.AppendLogAsync(new SyncLogEntry
            {
                DocType = pair.DocType,
                DocName = pair.DisplayName,
                CloudName = pair.CloudName,
                LocalName = pair.LocalName,
                Action = QueueAction,
                Direction = "none",
                Status = "success",
                Message = $"re-queued by erpsync retry after: {pair.ErrorMessage ?? pair.Status.ToString().ToLowerInvariant()}",
            }, cancellationToken);
        }

        var servers = await database.Servers.ListLiveAsync(cancellationToken);
        if (json)
        {
            context.Output.Json(new
            {
                Scope = new { Doctype = docType, Id = id, All = docType is null && id is null },
                RequeuedQueueItems = deadItems,
                RequeuedPairs = pairs.Count,
                Pairs = pairs.Select(p => new { p.Id, Doctype = p.DocType, p.CloudName, p.LocalName, Status = p.Status, Error = p.ErrorMessage }),
                ServerRunning = servers.Count > 0,
            });
            return ExitCodes.Success;
        }

        if (deadItems == 0 && pairs.Count == 0)
        {
            context.Output.Check(Mark.Ok, $"nothing to retry for {scope}: no dead-lettered queue items and no failed document pairs");
            return ExitCodes.Success;
        }

        context.Output.Check(Mark.Ok, $"re-queued {deadItems} dead-lettered queue item(s) and {pairs.Count} failed document pair(s) for {scope}");
        foreach (var pair in pairs.Take(25))
        {
            context.Output.Line($"  #{pair.Id} {pair.DocType} {pair.DisplayName}: {pair.ErrorMessage ?? pair.Status.ToString().ToLowerInvariant()}");
        }

        if (pairs.Count > 25) context.Output.Line($"  … and {pairs.Count - 25} more");
        context.Output.Line(servers.Count > 0
            ? "The running server picks them up within seconds; 'erpsync status' shows the queue."
            : $"No server is running: start 'erpsync serve', or sync them now with 'erpsync sync{(docType is null ? "" : $" --doctype \"{docType}\"")}'.");
        return ExitCodes.Success;
    }
}
