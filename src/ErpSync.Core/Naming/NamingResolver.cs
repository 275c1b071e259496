using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Naming;

/// <summary>
/// Chooses <c>same</c> or <c>mapped</c> naming from a DocType's <c>autoname</c>. Frappe ignores a client's
/// <c>name</c> except for Prompt naming. Frappe v14 (and v15 before 15.10) honours <c>__newname</c> for every
/// autoname (transcripts 06, 08), but using it on a naming-series DocType would put the other site's series
/// numbers into this site's namespace: the local counter does not move, so its next own document collides
/// (409) with a copied name. Such DocTypes are therefore <c>mapped</c> unless the configuration says
/// <c>naming: same</c>, which then sends <c>__newname</c> deliberately.
/// </summary>
internal static class NamingResolver
{
    /// <summary>The naming of <paramref name="meta"/>, honouring <paramref name="configured"/> unless it is Auto.</summary>
    public static NamingPlan Resolve(DocTypeMeta meta, NamingMode configured = NamingMode.Auto)
    {
        var automatic = FromAutoname(meta.Autoname);
        return configured switch
        {
            NamingMode.Same when automatic.Mode == NamingMode.Same => automatic,
            NamingMode.Same => new NamingPlan(NamingMode.Same, NameSource.NewName, null,
                $"naming: same configured (autoname '{meta.Autoname}'): the name is sent as __newname, honoured by Frappe v14 and v15 before 15.10; each site's own series must not overlap"),
            NamingMode.Mapped when automatic.Mode == NamingMode.Mapped => automatic,
            NamingMode.Mapped => automatic with
            {
                Mode = NamingMode.Mapped,
                Reason = $"naming: mapped configured (autoname '{meta.Autoname}'): names are paired in sync_records",
            },
            _ => automatic,
        };
    }

    private static NamingPlan FromAutoname(string? autoname)
    {
        var text = autoname?.Trim() ?? "";
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("field:", StringComparison.Ordinal) && text.Length > "field:".Length)
        {
            var field = text["field:".Length..].Trim();
            return new NamingPlan(NamingMode.Same, NameSource.Field, field, $"autoname field:{field}: the name is the value of {field}, equal on both sites");
        }

        if (lower == "prompt")
            return new NamingPlan(NamingMode.Same, NameSource.NewName, null, "autoname Prompt: the name is chosen by the client and sent as __newname");
        if (lower == "uuid")
            return new NamingPlan(NamingMode.Same, NameSource.NewName, null, "autoname UUID: the client's UUID is kept");
        if (lower.StartsWith("naming_series:", StringComparison.Ordinal))
            return Mapped("naming series: each site numbers its own copies from its own counter");
        if (lower is "" or "hash")
            return Mapped("hash naming: each site generates a random name");
        if (lower == "autoincrement")
            return Mapped("autoincrement: each site numbers from its own sequence");
        if (lower.StartsWith("format:", StringComparison.Ordinal) || text.Contains('#', StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal))
            return Mapped($"autoname '{text}': a per-site counter");
        return Mapped($"autoname '{text}': named by the application, not portable");
    }

    private static NamingPlan Mapped(string reason) => new(NamingMode.Mapped, NameSource.Server, null, reason);
}
