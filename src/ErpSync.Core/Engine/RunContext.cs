using System.Collections.Concurrent;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>
/// State shared by every pair of one run: its options, and (for DocType runs) which names each site listed
/// at the start, so a run never asks a site for a document it just listed as absent.
/// </summary>
internal sealed class RunContext(SyncRunOptions options)
{
    private readonly ConcurrentDictionary<(string DocType, SiteName Site), IReadOnlySet<string>> _listed = new();

    /// <summary>The run's options.</summary>
    public SyncRunOptions Options { get; } = options;

    /// <summary>Records that <paramref name="names"/> are the unpaired documents <paramref name="site"/> listed for <paramref name="docType"/>.</summary>
    public void Listed(string docType, SiteName site, IEnumerable<string> names) =>
        _listed[(docType, site)] = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether an unpaired document <paramref name="name"/> may exist on <paramref name="site"/> (always, unless this run listed the site).</summary>
    public bool MayExistUnpaired(string docType, SiteName site, string name) =>
        !_listed.TryGetValue((docType, site), out var names) || names.Contains(name);
}
