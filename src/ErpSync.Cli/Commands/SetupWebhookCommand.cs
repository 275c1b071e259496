using System.CommandLine;
using ErpSync.Cli.Composition;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Webhooks;
using ErpSync.Core.Sites;
using ErpSync.Frappe;
using ErpSync.Server.Webhooks;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync setup-webhook [--apply] [--url BASE] [--rotate-secret]</c>: prints the Webhook settings each site needs
/// per DocType; with <c>--apply</c> creates or updates those Webhook documents on both sites through the API,
/// idempotently (a second run changes nothing and says so).
/// </summary>
internal static class SetupWebhookCommand
{
    public static Command Create()
    {
        var apply = new Option<bool>("--apply") { Description = "Create or update the Webhook documents on both sites (idempotent)." };
        var url = new Option<string?>("--url")
        {
            Description = "Base address both sites reach the server at (default http://WEBHOOK_HOST:WEBHOOK_PORT); /webhook/cloud and /webhook/local are added.",
            HelpName = "BASE",
        };
        var rotate = new Option<bool>("--rotate-secret")
        {
            Description = "With --apply: write WEBHOOK_SECRET into every Webhook even where one is stored (after changing the secret; sites never show it back).",
        };
        return new Command("setup-webhook", "Print the Webhook settings for each site and DocType; --apply creates them through the API.") { apply, url, rotate }
            .WithBody((context, cancellationToken) => RunAsync(
                context, context.ParseResult.GetValue(apply), context.ParseResult.GetValue(url), context.ParseResult.GetValue(rotate), cancellationToken));
    }

    private static async Task<int> RunAsync(CommandContext context, bool apply, string? url, bool rotateSecret, CancellationToken cancellationToken)
    {
        if (rotateSecret && !apply) throw CliException.Usage("--rotate-secret only makes sense with --apply.");
        var config = context.LoadConfig(ConfigRequirements.All);
        var (baseUrl, note) = WebhookBaseUrl.Resolve(config.Webhook, url, apply);
        using var logging = context.CreateLogging(config);
        await using var services = await SyncServices.OpenAsync(config, ServiceNeeds.Sites, context.Host.Time, logging.LoggerFactory, cancellationToken);
        var secret = config.Webhook.Secret?.Reveal();
        var docTypes = config.SyncRules.DocTypes;
        var sites = new[] { services.RequireCloud(), services.RequireLocal() };

        var plans = new List<(FrappeSiteClient Client, IReadOnlyList<WebhookTarget> Targets)>();
        foreach (var client in sites)
            plans.Add((client, await WebhookPlan.ForSiteAsync(client, docTypes, baseUrl, secret, cancellationToken)));

        if (!apply)
        {
            PrintSettings(context.Output, config, plans, note);
            return ExitCodes.Success;
        }

        var changes = new List<WebhookChange>();
        foreach (var (client, targets) in plans)
            changes.AddRange(await WebhookInstaller.ApplyAsync(client, targets, rotateSecret, cancellationToken));
        PrintChanges(context.Output, changes);
        return ExitCodes.Success;
    }

    private static void PrintSettings(CliOutput output, ErpSyncConfig config, List<(FrappeSiteClient Client, IReadOnlyList<WebhookTarget> Targets)> plans, string? note)
    {
        output.Heading("Webhook settings (Frappe desk: Integrations > Webhook > New; one Webhook per DocType and event)");
        if (note is not null) output.Line($"note: {note}");
        foreach (var (client, targets) in plans)
        {
            var first = targets[0].Definition;
            output.Line();
            output.Heading($"{Title(client.Site)} site {client.BaseUrl}");
            output.Line($"  Request URL:        {first.RequestUrl}");
            output.Line($"  Request Method:     {first.RequestMethod}");
            output.Line($"  Request Structure:  {first.RequestStructure}");
            output.Line($"  Webhook Headers:    Content-Type: {WebhookTemplate.ContentType}");
            output.Line(first.EnableSecurity
                ? $"  Enable Security:    on; Webhook Secret = the WEBHOOK_SECRET of {config.EnvFilePath} (not shown)"
                : "  Enable Security:    off (WEBHOOK_SECRET is not set: the server accepts unsigned webhooks)");
            output.Line("  Condition:          (empty)");
            output.Table(new TableView(
                ["DocType", "Doc Event(s)"],
                targets.GroupBy(t => t.DocType, StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)[g.Key, string.Join(", ", g.Select(t => t.Event))]).ToList()));
        }

        output.Line();
        output.Heading("JSON Request Body (webhook_json) per Doc Event:");
        foreach (var docEvent in plans.SelectMany(p => p.Targets).Select(t => t.Event).Distinct(StringComparer.Ordinal))
        {
            output.Line($"  {docEvent}:");
            output.Line($"    {WebhookTemplate.Json(docEvent)}");
        }

        output.Line();
        output.Line("on_change fires on every save, submit, cancel and update after submit (not on insert: after_insert covers that); changes Frappe sends no webhook for (db_set, rename) are caught by the server's sweep.");
        output.Line("Run 'erpsync setup-webhook --apply' to create or update these Webhooks on both sites.");
    }

    private static void PrintChanges(CliOutput output, List<WebhookChange> changes)
    {
        foreach (var change in changes)
        {
            var target = change.Target;
            var label = $"{target.Site.ToWire()} {target.DocType} {target.Event}";
            switch (change.Kind)
            {
                case WebhookChangeKind.Created:
                    output.Check(Mark.Ok, $"{label}: created {change.Name}");
                    break;
                case WebhookChangeKind.Updated:
                    output.Check(Mark.Ok, $"{label}: updated {change.Name} ({string.Join(", ", change.Differences)})");
                    break;
                default:
                    output.Check(Mark.Skip, $"{label}: {change.Name} already right");
                    break;
            }

            if (change.Duplicates.Count > 0)
                output.Check(Mark.Warn, $"{label}: also delivered by {string.Join(", ", change.Duplicates)}; each event arrives twice (harmless, but disable or delete the extra ones in the desk)");
        }

        var created = changes.Count(c => c.Kind == WebhookChangeKind.Created);
        var updated = changes.Count(c => c.Kind == WebhookChangeKind.Updated);
        var unchanged = changes.Count - created - updated;
        output.Line();
        output.Line(created + updated == 0
            ? $"Nothing to change: both sites already have all {changes.Count} Webhooks set up."
            : $"Webhooks: {created} created, {updated} updated, {unchanged} unchanged.");
    }

    private static string Title(SiteName site) => site == SiteName.Cloud ? "Cloud" : "Local";
}
