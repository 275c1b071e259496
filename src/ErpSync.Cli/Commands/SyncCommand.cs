using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync sync [--doctype D] [--docname N] [--direction auto|cloud_to_local|local_to_cloud] [--limit N] [--dry-run]</c>:
/// full reconciliation of the configured DocTypes, one DocType, or one document, ending in the summary
/// <c>Total, Success, Failed, Conflicts, Skipped</c>.
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
        return command.NotAvailableYet("the sync engine and state store", ConfigRequirements.SyncRules | ConfigRequirements.Sites);
    }
}
