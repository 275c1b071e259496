using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Operations;
using ErpSync.Store;
using ErpSync.Store.Operations;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync maintenance [--json]</c>: removes processed queue items and audit rows older than the
/// <c>retention</c> settings (never anything still owed: pending, processing or dead items, sync records,
/// conflicts), then compacts the database and reports its size before and after.
/// </summary>
internal static class MaintenanceCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        return new Command("maintenance", "Prune old audit rows and processed queue items (retention settings), then compact the database.") { json }
            .WithBody((context, cancellationToken) => RunAsync(context, context.ParseResult.GetValue(json), cancellationToken));
    }

    private static async Task<int> RunAsync(CommandContext context, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.None);
        StateDatabaseAccess.RequireExisting(config.Database);
        var time = context.Host.Time;
        using var logging = context.CreateLogging(config);
        var fileHolders = await StateDatabaseAccess.FindFileHoldersAsync(config.Database, time, cancellationToken);
        await using var database = await StateDatabaseAccess.OpenAsync(config, time, logging.LoggerFactory, cancellationToken);
        var holders = await StateDatabaseAccess.HoldersAsync(fileHolders, database, cancellationToken);

        var before = await database.Maintenance.GetSizeAsync(cancellationToken);
        var retention = config.Retention;
        var policy = RetentionPolicy.FromDays(retention.LogsDays, retention.QueueDays, time.GetUtcNow());
        var pruned = await database.Maintenance.PruneAsync(policy, cancellationToken);

        // VACUUM rewrites a SQLite file under its write lock; beside a running server that would stall its
        // webhook intake for as long as the rewrite takes, so only the online steps run then.
        var online = database.Provider == StateProvider.Sqlite && holders.Any;
        var compacted = await database.Maintenance.CompactAsync(online ? CompactMode.Online : CompactMode.Full, cancellationToken);
        var after = await database.Maintenance.GetSizeAsync(cancellationToken);
        var counts = await database.Maintenance.CountAsync(cancellationToken);

        if (json)
        {
            context.Output.Json(new
            {
                Database = database.Description,
                Retention = new { retention.LogsDays, retention.QueueDays, policy.LogsBefore, policy.QueueBefore },
                Removed = new { AuditRows = pruned.LogsDeleted, ProcessedQueueItems = pruned.QueueItemsDeleted },
                Compaction = new { compacted.Steps, VacuumSkippedBecauseServerRunning = online, compacted.WalFullyCheckpointed },
                SizeBefore = before,
                SizeAfter = after,
                Remaining = counts,
            });
            return ExitCodes.Success;
        }

        var output = context.Output;
        output.Line($"state database: {database.Description}");
        output.Check(Mark.Ok, retention.LogsDays == 0
            ? "audit rows: kept forever (retention.logs_days: 0)"
            : $"removed {pruned.LogsDeleted} audit row(s) older than {retention.LogsDays} days (before {policy.LogsBefore!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
        output.Check(Mark.Ok, retention.QueueDays == 0
            ? "processed queue items: kept forever (retention.queue_days: 0)"
            : $"removed {pruned.QueueItemsDeleted} processed queue item(s) older than {retention.QueueDays} days (before {policy.QueueBefore!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
        output.Check(Mark.Ok, $"compacted: {string.Join(", ", compacted.Steps)}");
        if (online)
        {
            output.Check(Mark.Warn, "VACUUM skipped: a server is using the database, and VACUUM would hold up its writes",
                "stop the server and run 'erpsync maintenance' again to return free space to the disk");
        }

        output.Line($"size: {ByteSize.Format(before)} before, {ByteSize.Format(after)} after");
        output.Line($"kept: {counts.QueuePending} pending, {counts.QueueProcessing} processing and {counts.QueueDead} dead-lettered queue item(s), {counts.Pairs} document pair(s), {counts.OpenConflicts} open conflict(s), {counts.Logs} audit row(s)");
        return ExitCodes.Success;
    }
}
