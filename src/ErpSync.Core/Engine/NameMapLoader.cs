using System.Text.Json.Nodes;
using ErpSync.Core.Dependencies;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>
/// Builds the <see cref="NameMap"/> a pair needs: the stored pairs of every mapped document its two versions link
/// to (Link fields, child-row links, <c>amended_from</c>), looked up in the store by the name each site uses.
/// </summary>
internal sealed class NameMapLoader(ISyncStore store)
{
    /// <summary>A map knowing the pairs of every mapped link target of <paramref name="documents"/> (each read from its site).</summary>
    public async Task<NameMap> LoadAsync(EngineSetup setup, DocTypeContext docType, IEnumerable<(JsonObject? Document, SiteName Site)> documents, CancellationToken cancellationToken)
    {
        var pairs = new List<NamePair>();
        var seen = new HashSet<(string DocType, SiteName Site, string Name)>();
        foreach (var (document, site) in documents)
        {
            if (document is null)
                continue;
            foreach (var reference in DependencyExtractor.Extract(document, docType.Meta, docType.Rules))
            {
                if (!setup.Mapped.Contains(reference.DocType) || !seen.Add((reference.DocType, site, reference.Name.ToLowerInvariant())))
                    continue;
                var record = await store.FindRecordAsync(reference.DocType, site, reference.Name, cancellationToken);
                if (record is { CloudName: { } cloudName, LocalName: { } localName })
                    pairs.Add(new NamePair(reference.DocType, cloudName, localName));
            }
        }

        return new NameMap(setup.Mapped, pairs);
    }
}
