using System.CommandLine;
using System.Globalization;
using ErpSync.Cli.Composition;
using ErpSync.Cli.Conflicts;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Connectivity;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Operations;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using ErpSync.Store;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync conflicts [list | show ID | resolve ID --keep cloud|local|merged] [--json]</c>; bare <c>conflicts</c> lists,
/// as the original tool did. <c>show</c> puts the cloud, local and base value of every differing field side by side;
/// <c>resolve</c> writes the chosen version to both sites through the engine and marks the conflict resolved.
/// </summary>
internal static class ConflictsCommand
{
    public static readonly string[] KeepChoices = ["cloud", "local", "merged"];

    private const int CellWidth = 48;

    public static Command Create()
    {
        var json = CommonOptions.Json();
        json.Recursive = true;

        // The original tool had `conflicts --resolve` (never implemented); point its users to the real thing.
        var legacyResolve = new Option<bool>("--resolve") { Hidden = true };

        var all = new Option<bool>("--all") { Description = "Include resolved conflicts." };
        var list = new Command("list", "List unresolved conflicts (newest first).") { all };
        list.WithBody((context, ct) => ListAsync(context, context.ParseResult.GetValue(all), context.ParseResult.GetValue(json), ct));

        var showId = CommonOptions.ConflictId();
        var show = new Command("show", "Show one conflict: cloud, local and base values of each field side by side.") { showId };
        show.WithBody((context, ct) => ShowAsync(context, context.ParseResult.GetValue(showId), context.ParseResult.GetValue(json), ct));

        var resolveId = CommonOptions.ConflictId();
        var keep = CommonOptions.Choice("--keep", KeepChoices,
            "Which version to write to both sites: cloud, local, or merged (fields from each side as the merge proposed).");
        keep.Required = true;
        var resolve = new Command("resolve", "Settle a conflict: write the chosen version to both sites and mark it resolved.") { resolveId, keep };
        resolve.WithBody((context, ct) => ResolveAsync(context, context.ParseResult.GetValue(resolveId), context.ParseResult.GetValue(keep)!, context.ParseResult.GetValue(json), ct));

        var command = new Command("conflicts", "List, show and resolve conflicts (bare 'conflicts' lists them).")
        {
            json, legacyResolve, list, show, resolve,
        };
        return command.WithBody((context, ct) =>
        {
            if (context.ParseResult.GetValue(legacyResolve))
            {
                throw CliException.Usage("--resolve is replaced by 'erpsync conflicts resolve ID --keep cloud|local|merged'; 'erpsync conflicts list' shows the IDs.");
            }

            return ListAsync(context, includeResolved: false, context.ParseResult.GetValue(json), ct);
        });
    }

    private static async Task<int> ListAsync(CommandContext context, bool includeResolved, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.None);
        StateDatabaseAccess.RequireExisting(config.Database);
        using var logging = context.CreateLogging(config);
        await using var database = await StateDatabaseAccess.OpenAsync(config, context.Host.Time, logging.LoggerFactory, cancellationToken);
        var conflicts = await database.Store.ListConflictsAsync(includeResolved, cancellationToken);
        if (json)
        {
            context.Output.Json(conflicts.Select(Summary));
            return ExitCodes.Success;
        }

        if (conflicts.Count == 0)
        {
            context.Output.Line(includeResolved ? $"no conflicts recorded in {database.Description}" : $"no open conflicts in {database.Description}");
            return ExitCodes.Success;
        }

        var columns = new List<string> { "ID", "DocType", "Document", "Conflicting fields", "Reason", "Recorded (UTC)" };
        if (includeResolved) columns.Add("Resolution");
        context.Output.Table(new TableView(
            columns,
            conflicts.Select(c =>
            {
                var row = new List<string>
                {
                    c.Id.ToString(CultureInfo.InvariantCulture), c.DocType, ConflictView.Names(c), string.Join(", ", c.ConflictingFields),
                    Shorten(c.Reason ?? "", 60), Time(c.CreatedAt),
                };
                if (includeResolved) row.Add(c.Resolved ? $"{c.Resolution} at {Time(c.ResolvedAt)}" : "open");
                return (IReadOnlyList<string>)row;
            }).ToList(),
            RightAligned: new HashSet<int> { 0 }));
        var open = conflicts.Count(c => !c.Resolved);
        if (open > 0) context.Output.Line($"{open} open; 'erpsync conflicts show ID' compares the versions, 'erpsync conflicts resolve ID --keep cloud|local|merged' settles one.");
        return ExitCodes.Success;
    }

    private static async Task<int> ShowAsync(CommandContext context, long id, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.None);
        StateDatabaseAccess.RequireExisting(config.Database);
        using var logging = context.CreateLogging(config);
        await using var database = await StateDatabaseAccess.OpenAsync(config, context.Host.Time, logging.LoggerFactory, cancellationToken);
        var conflict = await database.Store.GetConflictAsync(id, cancellationToken) ?? throw NoSuchConflict(id);
        var view = ConflictDiff.Build(conflict);
        if (json)
        {
            context.Output.Json(new
            {
                Conflict = Summary(conflict),
                conflict.CloudModified,
                conflict.LocalModified,
                view.Fields,
                view.AgreeingFields,
                CloudData = Parse(conflict.CloudData),
                LocalData = Parse(conflict.LocalData),
                BaseData = Parse(conflict.BaseData),
            });
            return ExitCodes.Success;
        }

        var output = context.Output;
        output.Heading($"Conflict {conflict.Id}: {conflict.DocType} {view.Document}");
        output.Line($"Status:     {(conflict.Resolved ? $"resolved ({conflict.Resolution}) at {Time(conflict.ResolvedAt)} UTC" : "open")}");
        output.Line($"Reason:     {conflict.Reason ?? "changed on both sites"}");
        output.Line($"Strategy:   {conflict.Strategy ?? "manual"}");
        output.Line($"Recorded:   {Time(conflict.CreatedAt)} UTC");
        output.Line($"Modified:   cloud {conflict.CloudModified ?? "(deleted)"}, local {conflict.LocalModified ?? "(deleted)"} (each site's own time zone)");
        output.Line();
        if (view.Fields.Count == 0)
        {
            output.Line("The recorded versions do not differ field by field (the conflict is about the documents' existence or state).");
        }
        else
        {
            output.Table(new TableView(
                ["Field", "Cloud", "Local", "Base (last sync)", "Changed on"],
                view.Fields.Select(f => (IReadOnlyList<string>)
                [
                    f.Field,
                    Cell(f.Cloud, conflict.CloudData is null),
                    Cell(f.Local, conflict.LocalData is null),
                    conflict.BaseData is null ? "(no base)" : Cell(f.Base, false),
                    f.Conflict ? $"{f.ChangedOn} — CONFLICT" : f.ChangedOn,
                ]).ToList()));
        }

        output.Line($"{view.AgreeingFields} other field(s) are equal on both sites. 'erpsync conflicts show {conflict.Id} --json' has the full values.");
        if (!conflict.Resolved)
        {
            output.Line($"Resolve with: erpsync conflicts resolve {conflict.Id} --keep cloud|local|merged");
        }

        return ExitCodes.Success;
    }

    private static async Task<int> ResolveAsync(CommandContext context, long id, string keep, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.SyncRules | ConfigRequirements.Sites);
        StateDatabaseAccess.RequireExisting(config.Database);
        using var logging = context.CreateLogging(config);
        var time = context.Host.Time;
        await using var services = await OpenAsync(config, time, logging, cancellationToken);
        var conflict = await services.RequireDatabase().Store.GetConflictAsync(id, cancellationToken) ?? throw NoSuchConflict(id);
        if (conflict.Resolved)
        {
            throw new CliException($"conflict {id} is already resolved ({conflict.Resolution} at {Time(conflict.ResolvedAt)} UTC); 'erpsync conflicts list' shows the open ones");
        }

        await SitePreflight.RequireBothAsync(config, time, cancellationToken);
        var choice = keep switch { "cloud" => ConflictChoice.Cloud, "local" => ConflictChoice.Local, _ => ConflictChoice.Merged };
        SyncOutcome outcome;
        try
        {
            outcome = await services.CreateEngine().ResolveConflictAsync(id, choice, cancellationToken);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("The sync configuration does not fit", StringComparison.Ordinal))
        {
            throw new CliException($"{ex.Message.TrimEnd('.')}; fix {config.ConfigFilePath}", ExitCodes.Failure, ex);
        }

        if (outcome.Kind != SyncOutcomeKind.Applied)
        {
            var why = outcome.Kind == SyncOutcomeKind.Waiting
                ? $"conflict {id} cannot be resolved yet: {outcome.Message}; sync that document first"
                : outcome.Message ?? $"conflict {id} could not be resolved";
            throw new CliException($"{why}{(outcome.IsTransient ? " (temporary; try again)" : "")}. The conflict stays open.");
        }

        var resolved = await services.RequireDatabase().Store.GetConflictAsync(id, cancellationToken);
        if (json)
        {
            context.Output.Json(new
            {
                Id = id,
                Keep = keep,
                Resolution = resolved?.Resolution,
                Doctype = outcome.DocType,
                outcome.CloudName,
                outcome.LocalName,
                outcome.Direction,
                outcome.Message,
            });
            return ExitCodes.Success;
        }

        context.Output.Check(Mark.Ok, $"conflict {id} resolved: kept {keep}; {outcome.DocType} {Names(outcome)} is now the same on both sites");
        return ExitCodes.Success;
    }

    private static async Task<SyncServices> OpenAsync(ErpSyncConfig config, TimeProvider time, Logging.CliLogging logging, CancellationToken cancellationToken)
    {
        try
        {
            return await SyncServices.OpenAsync(config, ServiceNeeds.All, time, logging.LoggerFactory, cancellationToken);
        }
        catch (StateDatabaseException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failure, ex);
        }
    }

    private static object Summary(ConflictRecord c) => new
    {
        c.Id,
        Doctype = c.DocType,
        Docname = c.DocName,
        c.CloudName,
        c.LocalName,
        c.ConflictingFields,
        c.Reason,
        c.Strategy,
        c.Resolved,
        c.Resolution,
        c.CreatedAt,
        c.ResolvedAt,
    };

    private static CliException NoSuchConflict(long id) =>
        new($"conflict {id} does not exist; 'erpsync conflicts list --all' shows every recorded conflict");

    private static string Names(SyncOutcome outcome) => (outcome.CloudName, outcome.LocalName) switch
    {
        ({ } c, { } l) when c == l => c,
        ({ } c, { } l) => $"{c} (cloud) / {l} (local)",
        ({ } c, null) => $"{c} (cloud)",
        (null, { } l) => $"{l} (local)",
        _ => "",
    };

    private static System.Text.Json.Nodes.JsonNode? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return System.Text.Json.Nodes.JsonValue.Create(json);
        }
    }

    private static string Cell(string? value, bool deleted) =>
        deleted ? "(deleted)" : value is null ? "—" : Shorten(value, CellWidth);

    private static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static string Shorten(string text, int length)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= length ? oneLine : oneLine[..(length - 1)] + "…";
    }
}
