using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Connectivity;

/// <summary>
/// One quick connection check of both sites before work that needs them: a site that is down or refuses the key
/// fails the command in a second with the reason and the fix, instead of after the sync's full retry schedule.
/// </summary>
internal static class SitePreflight
{
    public static async Task RequireBothAsync(ErpSyncConfig config, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cloud = DiagnosticSites.Create(config.Cloud!, time, null);
        using var local = DiagnosticSites.Create(config.Local!, time, null);
        var probes = await Task.WhenAll(
            SiteProbe.RunAsync(cloud, config.Cloud!.Url.ToString().TrimEnd('/'), cancellationToken),
            SiteProbe.RunAsync(local, config.Local!.Url.ToString().TrimEnd('/'), cancellationToken));
        var failed = probes.Where(p => !p.Ok).ToList();
        if (failed.Count == 0) return;
        throw new CliException(
            string.Join("; ", failed.Select(p => $"cannot reach the {p.Site.ToString().ToLowerInvariant()} site: {p.Problem}"))
            + $". Fix: {string.Join("; ", failed.Select(p => p.Fix).Distinct(StringComparer.Ordinal))}. Nothing was synced.");
    }
}
