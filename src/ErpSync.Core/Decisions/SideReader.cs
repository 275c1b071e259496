using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Decisions;

/// <summary>Builds a <see cref="SideState"/> from a document as a site returned it.</summary>
internal static class SideReader
{
    /// <summary>
    /// The state of <paramref name="site"/>: <paramref name="document"/> canonicalised (Links translated through
    /// <paramref name="names"/>), its name (autoincrement names arrive as JSON numbers), docstatus and
    /// <c>modified</c> verbatim. A <c>null</c> document is an absent side that keeps <paramref name="knownName"/>
    /// and the deletion time when one is known.
    /// </summary>
    public static SideState Read(JsonObject? document, DocTypeMeta meta, ContentRules rules, SiteName site, INameMap names, string? knownName = null, string? deletedAt = null)
    {
        if (document is null)
            return SideState.Absent(knownName, deletedAt);

        var name = ValueNormalizer.Text(document["name"])?.GetValue<string>() ?? knownName;
        var docstatus = CanonicalJson.TryReadDecimal(document["docstatus"], out var status) ? (int)status : 0;
        var modified = ValueNormalizer.Text(document["modified"])?.GetValue<string>();
        var canonical = Canonicalizer.Canonicalize(document, meta, rules, site, names);
        return new SideState { Name = name, Document = canonical, Docstatus = docstatus, Modified = modified };
    }
}
