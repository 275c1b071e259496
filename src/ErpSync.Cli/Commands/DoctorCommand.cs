using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Connectivity;
using ErpSync.Cli.Diagnostics;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Syncing;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;
using ErpSync.Frappe;
using ErpSync.Frappe.Webhooks;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync doctor [--json]</c>: every diagnostic of DESIGN §1 with ✓/✗ and a fix for each ✗ — files, configuration,
/// state database, both sites, clock skew, time zones, the synced DocTypes (existence, schema drift, naming),
/// webhook registration and the server. Exit 1 when a check fails.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        return new Command("doctor", "Diagnose configuration, environment, database, both sites, clocks, schemas and webhooks.")
        {
            json,
        }.WithBody((context, cancellationToken) => RunAsync(context, context.ParseResult.GetValue(json), cancellationToken));
    }

    private static async Task<int> RunAsync(CommandContext context, bool json, CancellationToken cancellationToken)
    {
        var (checks, config) = DoctorChecks.RunLocal(context);
        var time = context.Host.Time;
        Store.Presence.ServerInstance[]? live = null;
        var databaseIndex = checks.FindIndex(c => c.Name == "database");
        if (config is not null && databaseIndex >= 0)
        {
            var (check, servers) = await DatabaseDiagnostics.RunAsync(checks[databaseIndex], config.Database, time, cancellationToken);
            checks[databaseIndex] = check;
            live = servers?.ToArray();
        }

        if (config is { Cloud: { } cloudSettings, Local: { } localSettings })
        {
            using var cloud = DiagnosticSites.Create(cloudSettings, time, null);
            using var local = DiagnosticSites.Create(localSettings, time, null);
            checks.AddRange(await SiteChecksAsync(config, cloud, local, time, cancellationToken));
        }
        else
        {
            var why = config is null ? "skipped until the configuration is valid" : "skipped: both sites' URL, API key and API secret are needed (see configuration)";
            checks.AddRange(new[] { "cloud_site", "local_site", "clock_skew", "time_zones", "doctypes", "schema_drift", "naming_series", "webhooks" }
                .Select(name => new DoctorCheck(name, name.Replace('_', ' '), CheckStatus.Skip, why)));
        }

        checks.Add(config is null
            ? new DoctorCheck("server", "server health", CheckStatus.Skip, "skipped until the configuration is valid")
            : await ServerDiagnostics.RunAsync(config.Webhook, live, cancellationToken));

        Render(context, json, checks);
        var failed = checks.Count(c => c.Status == CheckStatus.Fail);
        if (failed > 0)
        {
            throw new CliException($"{failed} check(s) failed; see the fixes above");
        }

        return ExitCodes.Success;
    }

    private static async Task<List<DoctorCheck>> SiteChecksAsync(ErpSyncConfig config, FrappeSiteClient cloud, FrappeSiteClient local, TimeProvider time, CancellationToken cancellationToken)
    {
        var probes = await Task.WhenAll(
            SiteProbe.RunAsync(cloud, config.Cloud!.Url.ToString().TrimEnd('/'), cancellationToken),
            SiteProbe.RunAsync(local, config.Local!.Url.ToString().TrimEnd('/'), cancellationToken));
        var checks = probes.Select(SiteDiagnostics.SiteCheck).ToList();
        checks.Add(await SiteDiagnostics.ClockSkewAsync(probes, time, cancellationToken));
        checks.Add(SiteDiagnostics.TimeZones(probes, time.GetUtcNow()));

        if (config.SyncRules.DocTypes.Count == 0 || !probes.All(p => p.Ok))
        {
            var why = config.SyncRules.DocTypes.Count == 0 ? "skipped: config.yaml lists no DocTypes" : "skipped: both sites must be reachable";
            checks.AddRange(new[] { ("doctypes", "synced DocTypes"), ("schema_drift", "schema drift"), ("naming_series", "naming-series overlap") }
                .Select(c => new DoctorCheck(c.Item1, c.Item2, CheckStatus.Skip, why)));
            var reachable = probes.Where(p => p.Ok).Select(p => (p.Site, (IFrappeWebhooks)(p.Site == SiteName.Cloud ? cloud : local))).ToList();
            checks.Add(config.SyncRules.DocTypes.Count == 0
                ? new DoctorCheck("webhooks", "webhook registration", CheckStatus.Skip, why)
                : await WebhookDiagnostics.RunAsync(reachable, config.SyncRules.DocTypes.ToDictionary(d => d, _ => ((DocTypeMeta?)null, (DocTypeMeta?)null)), config.Webhook.Secret is not null, cancellationToken));
            return checks;
        }

        var (exist, metas) = await DocTypeDiagnostics.ExistAsync(config.SyncRules, cloud, local, cancellationToken);
        checks.Add(exist);
        await using (var scratch = await SyncDatabase.OpenScratchAsync(time, null, cancellationToken))
        {
            var engine = new SyncEngine(cloud, local, scratch.Database.Store, scratch.Database.Locks, config.SyncRules, time);
            checks.Add(await DocTypeDiagnostics.SchemaDriftAsync(engine, cancellationToken));
        }

        checks.Add(DocTypeDiagnostics.Naming(config.SyncRules, metas));
        checks.Add(await WebhookDiagnostics.RunAsync([(SiteName.Cloud, cloud), (SiteName.Local, local)], metas, config.Webhook.Secret is not null, cancellationToken));
        return checks;
    }

    private static void Render(CommandContext context, bool json, List<DoctorCheck> checks)
    {
        if (json)
        {
            context.Output.Json(new DoctorReport(checks.All(c => c.Status is CheckStatus.Ok or CheckStatus.Warn), checks));
            return;
        }

        foreach (var check in checks)
        {
            var mark = check.Status switch
            {
                CheckStatus.Ok => Mark.Ok,
                CheckStatus.Fail => Mark.Fail,
                CheckStatus.Warn => Mark.Warn,
                _ => Mark.Skip,
            };
            context.Output.Check(mark, $"{check.Title}: {check.Message}", check.Fix is null ? null : $"fix: {check.Fix}");
        }
    }
}
