using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Connectivity;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Core.Sites;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync test [--json]</c>: connects to both sites and reports user, Frappe version, time zone and round trip,
/// then opens the state database; exit 1 naming the reason (DNS, refused, TLS, 401, 403…) and the fix when one fails.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        return new Command("test", "Connect to both sites; print user, Frappe version, time zone and round-trip time.") { json }
            .WithBody((context, cancellationToken) => RunAsync(context, context.ParseResult.GetValue(json), cancellationToken));
    }

    private static async Task<int> RunAsync(CommandContext context, bool json, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.Sites);
        using var logging = context.CreateLogging(config);
        var time = context.Host.Time;
        using var cloud = DiagnosticSites.Create(config.Cloud!, time, logging.LoggerFactory);
        using var local = DiagnosticSites.Create(config.Local!, time, logging.LoggerFactory);

        var probes = await Task.WhenAll(
            SiteProbe.RunAsync(cloud, config.Cloud!.Url.ToString().TrimEnd('/'), cancellationToken),
            SiteProbe.RunAsync(local, config.Local!.Url.ToString().TrimEnd('/'), cancellationToken));
        var database = await DatabaseProbe.RunAsync(config.Database, time, logging.LoggerFactory, cancellationToken);

        if (json)
        {
            context.Output.Json(new
            {
                Ok = probes.All(p => p.Ok) && database.Ok,
                Sites = probes.Select(p => new
                {
                    Site = p.Site.ToWire(),
                    p.Url,
                    p.Ok,
                    p.Info?.User,
                    p.Info?.FrappeVersion,
                    p.Info?.TimeZone,
                    RoundTripMs = p.Info is { } i ? Math.Round(i.RoundTrip.TotalMilliseconds, 1) : (double?)null,
                    Error = p.Problem,
                    p.Fix,
                }),
                Database = new { database.Display, database.Exists, database.SchemaVersion, Error = database.Problem },
            });
        }
        else
        {
            foreach (var probe in probes)
            {
                context.Output.Check(probe.Ok ? Mark.Ok : Mark.Fail, $"{probe.Site.ToWire()} site {probe.Url}: {probe.Describe()}", probe.Fix is null ? null : $"fix: {probe.Fix}");
            }

            context.Output.Check(
                database.Ok ? database.Exists ? Mark.Ok : Mark.Warn : Mark.Fail,
                $"state database {database.Describe()}",
                database.Ok ? null : "fix: check ERPSYNC_DB; 'erpsync doctor' checks more");
        }

        var failed = probes.Where(p => !p.Ok).Select(p => $"the {p.Site.ToWire()} site").ToList();
        if (!database.Ok) failed.Add("the state database");
        if (failed.Count > 0)
        {
            throw new CliException($"{string.Join(" and ", failed)} failed the connection test: {string.Join("; ", probes.Where(p => !p.Ok).Select(p => p.Problem).Append(database.Problem).OfType<string>())}");
        }

        return ExitCodes.Success;
    }
}
