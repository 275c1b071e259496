using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync setup-webhook [--apply]</c>: prints the Webhook settings each site needs per DocType; with
/// <c>--apply</c> creates or updates those Webhook documents on both sites through the API.
/// </summary>
internal static class SetupWebhookCommand
{
    public static Command Create()
    {
        var apply = new Option<bool>("--apply") { Description = "Create or update the Webhook documents on both sites (idempotent)." };
        return new Command("setup-webhook", "Print the Webhook settings for each site and DocType; --apply creates them through the API.")
        {
            apply,
        }.NotAvailableYet("the Frappe REST client (ErpSync.Frappe)", ConfigRequirements.All);
    }
}
