using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync conflicts [list | show ID | resolve ID --keep cloud|local|merged]</c>; bare <c>conflicts</c> lists,
/// as the original tool did.
/// </summary>
internal static class ConflictsCommand
{
    public static readonly string[] KeepChoices = ["cloud", "local", "merged"];

    private const string WaitingFor = "the state store and sync engine";

    public static Command Create()
    {
        var json = CommonOptions.Json();
        json.Recursive = true;

        // The original tool had `conflicts --resolve` (never implemented); point its users to the real thing.
        var legacyResolve = new Option<bool>("--resolve") { Hidden = true };

        var list = new Command("list", "List unresolved conflicts (newest first).");
        list.Options.Add(new Option<bool>("--all") { Description = "Include resolved conflicts." });
        list.NotAvailableYet(WaitingFor);

        var showId = CommonOptions.ConflictId();
        var show = new Command("show", "Show one conflict: cloud, local and base values of each field side by side.") { showId };
        show.NotAvailableYet(WaitingFor);

        var resolveId = CommonOptions.ConflictId();
        var keep = CommonOptions.Choice("--keep", KeepChoices,
            "Which version to write to both sites: cloud, local, or merged (fields from each side as the merge proposed).");
        keep.Required = true;
        var resolve = new Command("resolve", "Settle a conflict: write the chosen version to both sites and mark it resolved.") { resolveId, keep };
        resolve.NotAvailableYet(WaitingFor, ConfigRequirements.Sites);

        var command = new Command("conflicts", "List, show and resolve conflicts (bare 'conflicts' lists them).")
        {
            json, legacyResolve, list, show, resolve,
        };
        return command.WithBody((context, _) =>
        {
            if (context.ParseResult.GetValue(legacyResolve))
            {
                throw CliException.Usage("--resolve is replaced by 'erpsync conflicts resolve ID --keep cloud|local|merged'; 'erpsync conflicts list' shows the IDs.");
            }

            throw CliException.NotAvailableYet("conflicts", WaitingFor);
        });
    }
}
