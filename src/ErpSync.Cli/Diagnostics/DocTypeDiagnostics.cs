using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;

namespace ErpSync.Cli.Diagnostics;

/// <summary>The checks of the configured DocTypes on both sites: they exist, their schemas match, their naming fits the sync.</summary>
internal static class DocTypeDiagnostics
{
    /// <summary>Each configured DocType's metadata on each site (<c>null</c> where missing or unreadable), and the <c>doctypes</c> check.</summary>
    public static async Task<(DoctorCheck Check, Dictionary<string, (DocTypeMeta? Cloud, DocTypeMeta? Local)> Metas)> ExistAsync(
        SyncRules rules, IFrappeSite cloud, IFrappeSite local, CancellationToken cancellationToken)
    {
        var metas = new Dictionary<string, (DocTypeMeta?, DocTypeMeta?)>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var docType in rules.DocTypes)
        {
            var cloudMeta = await MetaAsync(cloud, docType, problems, cancellationToken);
            var localMeta = await MetaAsync(local, docType, problems, cancellationToken);
            metas[docType] = (cloudMeta, localMeta);
        }

        var check = problems.Count == 0
            ? new DoctorCheck("doctypes", "synced DocTypes", CheckStatus.Ok, $"{rules.DocTypes.Count} DocType(s) exist on both sites: {string.Join(", ", rules.DocTypes)}")
            : new DoctorCheck("doctypes", "synced DocTypes", CheckStatus.Fail, string.Join("; ", problems),
                "install the app that provides each missing DocType on that site, or remove it from sync_rules.doctypes; sync parent DocTypes, not child tables");
        return (check, metas);
    }

    public static async Task<DoctorCheck> SchemaDriftAsync(SyncEngine engine, CancellationToken cancellationToken)
    {
        IReadOnlyList<SchemaDrift> drifts;
        try
        {
            drifts = await engine.InspectSchemaAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return new DoctorCheck("schema_drift", "schema drift", CheckStatus.Fail, ex.Message.TrimEnd('.'), "fix config.yaml (sync_rules) or the sites as each problem says");
        }
        catch (FrappeException ex)
        {
            return new DoctorCheck("schema_drift", "schema drift", CheckStatus.Fail, ex.Message, "the sites' metadata could not be read; see the site checks above");
        }

        var drifted = drifts.Where(d => d.HasDrift).ToList();
        if (drifted.Count == 0)
        {
            return new DoctorCheck("schema_drift", "schema drift", CheckStatus.Ok, $"the {drifts.Count} DocType(s) have the same fields on both sites");
        }

        var message = string.Join("; ", drifted.Select(d =>
        {
            var parts = new List<string>();
            if (d.OnlyOnCloud.Count > 0) parts.Add($"only on cloud: {string.Join(", ", d.OnlyOnCloud)}");
            if (d.OnlyOnLocal.Count > 0) parts.Add($"only on local: {string.Join(", ", d.OnlyOnLocal)}");
            parts.AddRange(d.Mismatches);
            return $"{d.DocType}: {string.Join(", ", parts)}";
        }));
        return new DoctorCheck("schema_drift", "schema drift", CheckStatus.Warn, message + " (only the shared fields are synced)",
            "add the missing fields on the other site (Customize Form, or install the same app versions) so they sync too");
    }

    /// <summary>
    /// Naming: a DocType named by the site (naming series, hash, autoincrement) is synced as a mapped pair and may
    /// overlap freely; forcing <c>naming: same</c> on one needs the two sites' series to be distinct.
    /// </summary>
    public static DoctorCheck Naming(SyncRules rules, Dictionary<string, (DocTypeMeta? Cloud, DocTypeMeta? Local)> metas)
    {
        var notes = new List<string>();
        var problems = new List<string>();
        foreach (var (docType, (cloud, local)) in metas)
        {
            if (cloud is null || local is null) continue;
            var configured = rules.RuleFor(docType).Naming;
            var cloudAuto = cloud.Autoname?.Trim() ?? "";
            var localAuto = local.Autoname?.Trim() ?? "";
            if (!string.Equals(cloudAuto, localAuto, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{docType} is named differently: cloud '{cloudAuto}', local '{localAuto}'");
                continue;
            }

            var byName = IsPortable(cloudAuto);
            var cloudSeries = Series(cloud, cloudAuto);
            var localSeries = Series(local, localAuto);
            var overlap = cloudSeries.Intersect(localSeries, StringComparer.OrdinalIgnoreCase).ToList();
            if (configured == NamingMode.Same && !byName && (overlap.Count > 0 || cloudAuto.Equals("autoincrement", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{docType} has naming: same but both sites number from {(overlap.Count > 0 ? $"the series {string.Join(", ", overlap)}" : $"'{cloudAuto}'")}, so different documents get the same name");
                continue;
            }

            var mode = configured == NamingMode.Auto ? byName ? "same names" : "mapped" : configured.ToString().ToLowerInvariant();
            var series = overlap.Count > 0 && mode == "mapped" ? $", both sites use {string.Join(", ", overlap)} (paired by sync_records, so equal numbers are different documents)" : "";
            notes.Add($"{docType}: {mode} ({(cloudAuto.Length == 0 ? "hash" : cloudAuto)}){series}");
        }

        if (problems.Count > 0)
        {
            return new DoctorCheck("naming_series", "naming-series overlap", CheckStatus.Fail, string.Join("; ", problems),
                "give each site its own series prefix (e.g. CL-CUST-.##### and LO-CUST-.#####) or use naming: mapped for it in config.yaml; make autoname equal on both sites");
        }

        return notes.Count == 0
            ? new DoctorCheck("naming_series", "naming-series overlap", CheckStatus.Skip, "skipped: no DocType exists on both sites")
            : new DoctorCheck("naming_series", "naming-series overlap", CheckStatus.Ok, string.Join("; ", notes));
    }

    private static bool IsPortable(string autoname)
    {
        var lower = autoname.ToLowerInvariant();
        return lower.StartsWith("field:", StringComparison.Ordinal) || lower is "prompt" or "uuid";
    }

    /// <summary>The series a DocType numbers from: its naming_series options, or the autoname pattern itself.</summary>
    private static List<string> Series(DocTypeMeta meta, string autoname)
    {
        if (autoname.StartsWith("naming_series:", StringComparison.OrdinalIgnoreCase))
        {
            var options = meta.Field("naming_series")?.Options ?? "";
            return options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        return autoname.Contains('#', StringComparison.Ordinal) || autoname.StartsWith("format:", StringComparison.OrdinalIgnoreCase) ? [autoname] : [];
    }

    private static async Task<DocTypeMeta?> MetaAsync(IFrappeSite site, string docType, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            var meta = await site.GetMetaAsync(docType, cancellationToken);
            if (meta.IsTable || meta.IsSingle)
            {
                problems.Add($"{docType} is a {(meta.IsTable ? "child table" : "single")} DocType on the {site.Site.ToWire()} site");
                return null;
            }

            return meta;
        }
        catch (FrappeNotFoundException)
        {
            problems.Add($"{docType} does not exist on the {site.Site.ToWire()} site");
            return null;
        }
        catch (FrappeException ex)
        {
            problems.Add($"{docType} on the {site.Site.ToWire()} site: {ex.Message}");
            return null;
        }
    }
}
