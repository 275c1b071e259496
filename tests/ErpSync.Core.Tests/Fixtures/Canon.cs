using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Tests.Fixtures;

/// <summary>Shortcuts for canonical documents in tests.</summary>
internal static class Canon
{
    public static CanonicalDocument Of(JsonObject document, DocTypeMeta meta, SiteName source = SiteName.Cloud, INameMap? names = null, ContentRules? rules = null) =>
        Canonicalizer.Canonicalize(document, meta, rules ?? ContentRules.None, source, names ?? NameMap.Identity);

    public static CanonicalDocument Json(string json) => CanonicalDocument.Parse(json);

    public static CanonicalDocument With(this CanonicalDocument document, string field, JsonNode? value)
    {
        var content = document.Content;
        content[field] = value;
        return CanonicalDocument.FromContent(content);
    }
}
