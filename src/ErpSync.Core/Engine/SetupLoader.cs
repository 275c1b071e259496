using ErpSync.Core.Canonical;
using ErpSync.Core.Configuration;
using ErpSync.Core.Conflicts;
using ErpSync.Core.Dependencies;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using Microsoft.Extensions.Logging;

namespace ErpSync.Core.Engine;

/// <summary>
/// Reads both sites' time zones and the metadata of every configured DocType once, validates the rules against
/// it and keeps the result for the engine's lifetime. A load that fails (a site down) is not kept, so the next
/// call tries again; a configuration that cannot work is refused with every problem named.
/// </summary>
internal sealed class SetupLoader(IFrappeSite cloud, IFrappeSite local, SyncRules rules, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EngineSetup? _setup;

    /// <summary>The setup, loading it on first use.</summary>
    /// <exception cref="FrappeException">A site could not be read; nothing is kept.</exception>
    /// <exception cref="InvalidOperationException">The configuration does not fit the sites (unknown DocType, bad key fields, unknown time zone).</exception>
    public async Task<EngineSetup> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _setup) is { } ready)
            return ready;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _setup ??= await LoadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<EngineSetup> LoadAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var cloudInfo = cloud.GetSiteInfoAsync(cancellationToken);
        var localInfo = local.GetSiteInfoAsync(cancellationToken);
        var cloudZone = Zone(await cloudInfo, SiteName.Cloud, problems);
        var localZone = Zone(await localInfo, SiteName.Local, problems);

        var contexts = new Dictionary<string, DocTypeContext>(StringComparer.Ordinal);
        foreach (var docType in rules.DocTypes.Distinct(StringComparer.Ordinal))
        {
            var cloudMeta = await MetaAsync(cloud, docType, problems, cancellationToken);
            var localMeta = await MetaAsync(local, docType, problems, cancellationToken);
            if (cloudMeta is null || localMeta is null)
                continue;

            var (shared, drift) = SharedSchema.Intersect(cloudMeta, localMeta);
            var contentRules = ContentRules.For(rules, docType);
            problems.AddRange(contentRules.Validate(shared));
            var naming = NamingResolver.Resolve(shared, rules.RuleFor(docType).Naming);
            if (drift.HasDrift)
                EngineLog.SchemaDrift(logger, docType, string.Join(", ", drift.OnlyOnCloud), string.Join(", ", drift.OnlyOnLocal), string.Join("; ", drift.Mismatches));
            contexts[docType] = new DocTypeContext(docType, shared, contentRules, naming, drift);
        }

        if (problems.Count > 0)
            throw new InvalidOperationException("The sync configuration does not fit the sites: " + string.Join("; ", problems) + ".");

        var metas = rules.DocTypes.Where(contexts.ContainsKey).Select(d => contexts[d].Meta).ToList();
        var order = SyncOrderPlanner.Plan(metas, d => contexts[d].Rules);
        foreach (var edge in order.BrokenEdges)
            EngineLog.CycleBroken(logger, edge.From, edge.To, edge.Via);

        return new EngineSetup
        {
            CloudZone = cloudZone ?? TimeZoneInfo.Utc,
            LocalZone = localZone ?? TimeZoneInfo.Utc,
            DocTypes = contexts,
            Order = order,
            Scope = new HashSet<string>(contexts.Keys, StringComparer.Ordinal),
            Mapped = new HashSet<string>(contexts.Values.Where(c => c.IsMapped).Select(c => c.Name), StringComparer.Ordinal),
        };
    }

    private static TimeZoneInfo? Zone(SiteInfo info, SiteName site, List<string> problems)
    {
        try
        {
            return SiteTimestamp.FindZone(info.TimeZone);
        }
        catch (ArgumentException ex)
        {
            problems.Add($"{site.ToWire()} site: {ex.Message.Split(" (Parameter", 2)[0]}");
            return null;
        }
    }

    private static async Task<DocTypeMeta?> MetaAsync(IFrappeSite site, string docType, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            var meta = await site.GetMetaAsync(docType, cancellationToken);
            if (meta.IsTable || meta.IsSingle)
            {
                problems.Add($"{docType} on the {site.Site.ToWire()} site is a {(meta.IsTable ? "child table" : "single")} DocType; sync its parent DocType instead (remove it from sync_rules.doctypes)");
                return null;
            }

            return meta;
        }
        catch (FrappeNotFoundException)
        {
            problems.Add($"DocType {docType} does not exist on the {site.Site.ToWire()} site (check sync_rules.doctypes, or install the app that provides it)");
            return null;
        }
    }
}
