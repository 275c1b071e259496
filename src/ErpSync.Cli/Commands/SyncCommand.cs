using System.CommandLine;
using ErpSync.Cli.Composition;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Connectivity;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Syncing;
using ErpSync.Core.Decisions;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;
using Spectre.Console;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync sync [--doctype D] [--docname N] [--direction auto|cloud_to_local|local_to_cloud] [--limit N] [--dry-run] [--json]</c>:
/// full reconciliation of the configured DocTypes, one DocType, or one document, ending in the summary
/// <c>Total, Success, Failed, Conflicts, Skipped</c>; exit 1 when anything failed.
/// </summary>
internal static class SyncCommand
{
    public static readonly string[] Directions = ["auto", "cloud_to_local", "local_to_cloud"];

    public static Command Create()
    {
        var docType = CommonOptions.DocType("Sync only this DocType (default: every DocType in config.yaml).");
        var docName = new Option<string?>("--docname")
        {
            Description = "Sync only this document (needs --doctype). The name on either site.",
            HelpName = "name",
        };
        var direction = CommonOptions.Choice("--direction", Directions,
            "auto decides per document from what changed; cloud_to_local or local_to_cloud force a side.", defaultValue: "auto");
        var limit = CommonOptions.WholeNumber("--limit", 1, "Stop after N documents per DocType (default: all).");
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be written, write nothing." };
        var json = CommonOptions.Json();

        var command = new Command("sync", "Reconcile the configured DocTypes (or one DocType / one document) in both directions.")
        {
            docType, docName, direction, limit, dryRun, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(docName) is { } name && result.GetValue(docType) is null)
            {
                result.AddError($"--docname needs --doctype too, e.g. erpsync sync --doctype Customer --docname \"{name}\".");
            }
        });
        return command.WithBody((context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var request = new SyncRequest(
                parse.GetValue(docType),
                parse.GetValue(docName)?.Trim() is { Length: > 0 } n ? n : null,
                parse.GetValue(direction) ?? "auto",
                new SyncRunOptions
                {
                    Direction = parse.GetValue(direction) switch
                    {
                        "cloud_to_local" => ForcedDirection.CloudToLocal,
                        "local_to_cloud" => ForcedDirection.LocalToCloud,
                        _ => ForcedDirection.Auto,
                    },
                    Limit = parse.GetValue(limit),
                    DryRun = parse.GetValue(dryRun),
                });
            return RunAsync(context, request, parse.GetValue(json), cancellationToken);
        });
    }

    private static async Task<int> RunAsync(CommandContext context, SyncRequest request, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.SyncRules | ConfigRequirements.Sites);
        var docType = request.DocType is null ? null : ConfiguredDocType(config, request.DocType);
        using var logging = context.CreateLogging(config);
        var time = context.Host.Time;
        await SitePreflight.RequireBothAsync(config, time, cancellationToken);
        await using var sites = await SyncServices.OpenAsync(config, ServiceNeeds.Sites, time, logging.LoggerFactory, cancellationToken);
        await using var database = await SyncDatabase.OpenAsync(config, request.Options.DryRun, time, logging.LoggerFactory, cancellationToken);
        var engine = new SyncEngine(sites.RequireCloud(), sites.RequireLocal(), database.Database.Store, database.Database.Locks, config.SyncRules, time, logging.LoggerFactory);

        if (!json && request.Options.DryRun)
        {
            context.Output.Line(database.IsScratch
                ? $"Dry run: nothing is written to either site; {config.Database.Display} does not exist yet, so every document is planned as new."
                : "Dry run: nothing is written to either site or to the state database.");
        }

        SyncReport report;
        try
        {
            report = request.DocName is { } name
                ? await SyncDocumentAsync(engine, sites, database, docType!, name, request, time, cancellationToken)
                : await ReconcileAsync(context, engine, docType, request, json, cancellationToken);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("The sync configuration does not fit", StringComparison.Ordinal))
        {
            throw new CliException($"{ex.Message.TrimEnd('.')}; fix {config.ConfigFilePath} ('erpsync doctor' shows each check)", ExitCodes.Failure, ex);
        }
        catch (FrappeException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failure, ex);
        }

        if (report.Summary.Outcomes is [{ Action: "setup", Kind: SyncOutcomeKind.Failed } setup])
        {
            throw new CliException($"nothing was synced: {setup.Message}; 'erpsync test' checks both sites");
        }

        if (json) context.Output.Json(report.ToJson());
        else report.Write(context.Output);

        if (report.Summary.Failed > 0)
        {
            throw new CliException($"{report.Summary.Failed} document(s) failed{(request.Options.DryRun ? " to plan" : "")}; the lines above say why ('erpsync logs --status failed' keeps the history)");
        }

        return ExitCodes.Success;
    }

    private static async Task<SyncReport> ReconcileAsync(CommandContext context, SyncEngine engine, string? docType, SyncRequest request, bool json, CancellationToken cancellationToken)
    {
        SyncSummary summary;
        SyncProgressSink sink;
        if (!json && context.Output.Rich is { } rich)
        {
            (summary, sink) = await rich.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async live =>
                {
                    var liveSink = new SyncProgressSink(context.Output, live);
                    return (await RunEngineAsync(engine, docType, request.Options, liveSink, cancellationToken), liveSink);
                });
        }
        else
        {
            // With --json standard output holds one document only, so the per-DocType lines are not printed.
            sink = new SyncProgressSink(context.Output, null, print: !json);
            summary = await RunEngineAsync(engine, docType, request.Options, sink, cancellationToken);
        }

        var tallies = sink.Totals.Select(t => DocTypeTally.From(t.DocType, t.Total, summary.Outcomes)).ToList();

        return new SyncReport(summary, tallies, request.Options.DryRun, request.DirectionName);
    }

    private static Task<SyncSummary> RunEngineAsync(SyncEngine engine, string? docType, SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        docType is null
            ? engine.SyncAllAsync(options, progress, cancellationToken)
            : engine.SyncDocTypeAsync(docType, options, progress, cancellationToken);

    private static async Task<SyncReport> SyncDocumentAsync(SyncEngine engine, SyncServices sites, SyncDatabase database, string docType, string name, SyncRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var source = await DocumentTarget.FindAsync(docType, name, request.Options.Direction, sites.RequireCloud(), sites.RequireLocal(), database.Database.Store, cancellationToken);
        var outcome = await engine.SyncDocumentAsync(docType, source, name, request.Options, cancellationToken);
        var summary = new SyncSummary
        {
            Total = 1,
            Success = outcome.Kind == SyncOutcomeKind.Applied ? 1 : 0,
            Failed = outcome.Kind is SyncOutcomeKind.Failed or SyncOutcomeKind.Waiting ? 1 : 0,
            Conflicts = outcome.Kind == SyncOutcomeKind.Conflict ? 1 : 0,
            Skipped = outcome.Kind == SyncOutcomeKind.Skipped ? 1 : 0,
            Outcomes = [outcome],
            Elapsed = time.GetElapsedTime(started),
        };
        return new SyncReport(summary, [DocTypeTally.From(docType, 1, [outcome])], request.Options.DryRun, request.DirectionName);
    }

    /// <summary>The DocType as config.yaml spells it; refuses one that is not configured, suggesting the closest.</summary>
    private static string ConfiguredDocType(ErpSyncConfig config, string docType)
    {
        var configured = config.SyncRules.DocTypes;
        if (configured.FirstOrDefault(d => string.Equals(d, docType, StringComparison.Ordinal)) is { } exact) return exact;
        if (configured.FirstOrDefault(d => string.Equals(d, docType, StringComparison.OrdinalIgnoreCase)) is { } cased) return cased;
        var hint = Suggestions.Closest(docType, configured) is { } close ? $" Did you mean '{close}'?" : "";
        throw CliException.Usage($"{docType} is not in sync_rules.doctypes of {config.ConfigFilePath} ({string.Join(", ", configured)}); add it there to sync it.{hint}");
    }

    private sealed record SyncRequest(string? DocType, string? DocName, string DirectionName, SyncRunOptions Options);
}
