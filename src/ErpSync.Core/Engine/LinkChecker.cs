using System.Collections.Concurrent;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>
/// Whether a same-named link target exists on a site, before a document pointing at it is written there. Frappe
/// v14/v15 does not report a missing target of a Link that has <c>fetch_from</c> dependants, so the server cannot be
/// relied on. Positive answers are remembered for the engine's lifetime (masters such as Company or UOM are checked
/// once); a target that vanishes later is still refused by the server's own link validation.
/// </summary>
internal sealed class LinkChecker(SitePair sites, ISyncStore store)
{
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="docType"/> <paramref name="name"/> exists on <paramref name="site"/>.</summary>
    public async Task<bool> ExistsAsync(EngineSetup setup, SiteName site, string docType, string name, CancellationToken cancellationToken)
    {
        var key = $"{site.ToWire()}|{docType}|{name.ToLowerInvariant()}";
        if (_known.ContainsKey(key))
            return true;

        var exists = false;
        if (setup.Scope.Contains(docType))
        {
            var record = await store.FindRecordAsync(docType, site, name, cancellationToken);
            exists = record is not null && record.NameOn(site) is not null && record.NameOn(site.Other()) is not null && record.Status != SyncStatus.Deleted;
        }

        if (!exists)
        {
            var query = new ListQuery(docType) { Fields = ["name"], Filters = [new ListFilter("name", "=", name)], OrderBy = "name asc", Limit = 1 };
            await foreach (var _ in sites[site].ListAsync(query, cancellationToken))
                exists = true;
        }

        if (exists)
        {
            if (_known.Count >= MaxRemembered)
                _known.Clear();
            _known.TryAdd(key, 0);
        }

        return exists;
    }

    /// <summary>Forgets a target that turned out to be missing after all (the server refused a link to it).</summary>
    public void Forget(SiteName site, string docType, string name) =>
        _known.TryRemove($"{site.ToWire()}|{docType}|{name.ToLowerInvariant()}", out _);
}
