using System.CommandLine;
using ErpSync.Cli.Composition;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Operations;
using ErpSync.Cli.Status;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync status [--json] [--check] [--limit N]</c>: pairs by sync status, queue depth, per-DocType last sync and
/// lag, recent operations, unresolved conflicts and crossed alert thresholds, read from the state database (no
/// site is contacted, so it answers while a site is down). <c>--check</c> exits 1 when a threshold is crossed,
/// for cron and monitoring.
/// </summary>
internal static class StatusCommand
{
    public const int DefaultListLength = 10;

    public static Command Create()
    {
        var json = CommonOptions.Json();
        var check = new Option<bool>("--check")
        {
            Description = "Exit 1 when an alert threshold (alerts.thresholds in config.yaml) is crossed, 0 otherwise; for cron and monitoring.",
        };
        var limit = CommonOptions.WholeNumber("--limit", 0, $"Recent operations and conflicts listed (default {DefaultListLength}; 0 = none).");
        return new Command("status", "Show pair counts, queue depth, per-DocType lag, recent operations, conflicts and alerts.") { json, check, limit }
            .WithBody((context, cancellationToken) => RunAsync(
                context,
                context.ParseResult.GetValue(json),
                context.ParseResult.GetValue(check),
                context.ParseResult.GetValue(limit) ?? DefaultListLength,
                cancellationToken));
    }

    private static async Task<int> RunAsync(CommandContext context, bool json, bool check, int listLength, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.None);
        StateDatabaseAccess.RequireExisting(config.Database);
        using var logging = context.CreateLogging(config);
        await using var database = await StateDatabaseAccess.OpenAsync(config, context.Host.Time, logging.LoggerFactory, cancellationToken);

        var snapshot = await StatusGatherer.ReadAsync(
            database,
            config.SyncRules.DocTypes,
            OperationsServerOptions.AlertThresholds(config),
            listLength,
            context.Host.Time.GetUtcNow(),
            cancellationToken);

        if (json)
            context.Output.Json(snapshot);
        else
            StatusRenderer.Write(context.Output, snapshot, listLength);

        return check && snapshot.Alerts.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
