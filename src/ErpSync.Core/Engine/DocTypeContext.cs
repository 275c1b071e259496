using ErpSync.Core.Canonical;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>Everything the engine knows about one configured DocType once both sites' metadata is read.</summary>
/// <param name="Name">DocType name.</param>
/// <param name="Meta">The metadata both sites share (see <see cref="SharedSchema"/>).</param>
/// <param name="Rules">Exclusions and row keys.</param>
/// <param name="Naming">Same or mapped naming.</param>
/// <param name="Drift">How the two sites' DocTypes differ.</param>
internal sealed record DocTypeContext(string Name, DocTypeMeta Meta, ContentRules Rules, NamingPlan Naming, SchemaDrift Drift)
{
    /// <summary>Whether each site names its own copy and <c>sync_records</c> pairs them.</summary>
    public bool IsMapped => Naming.IsMapped;
}
