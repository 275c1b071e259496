namespace ErpSync.Core.Canonical;

/// <summary>
/// Keys that describe a document's identity or bookkeeping on one site rather than its content. They are
/// never hashed, compared, merged or sent.
/// </summary>
internal static class SystemFields
{
    /// <summary>
    /// Parent-level keys outside the content. <c>naming_series</c> is here on purpose: it names the site's own
    /// counter (sites often use distinct series so names never overlap), so copying it across would either fail
    /// the target's Select validation or force the other site's prefix on the copy. The target uses its default.
    /// </summary>
    public static readonly IReadOnlySet<string> Parent = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "owner", "creation", "modified", "modified_by", "idx", "docstatus", "doctype",
        "_user_tags", "_comments", "_assign", "_liked_by", "_seen", "naming_series",
        "parent", "parentfield", "parenttype", "__unsaved", "__islocal", "__newname", "__onload", "__last_sync_on",
    };

    /// <summary>Child-row keys that are site-local row identity.</summary>
    public static readonly IReadOnlySet<string> ChildRow = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "parent", "parenttype", "parentfield", "idx", "owner", "creation", "modified", "modified_by",
        "doctype", "docstatus", "__unsaved", "__islocal",
    };

    /// <summary>Whether <paramref name="key"/> is bookkeeping on a parent document (including every <c>_</c>-prefixed key).</summary>
    public static bool IsParentSystemKey(string key) => Parent.Contains(key) || key.StartsWith('_');

    /// <summary>Whether <paramref name="key"/> is bookkeeping on a child row (including every <c>_</c>-prefixed key).</summary>
    public static bool IsChildSystemKey(string key) => ChildRow.Contains(key) || key.StartsWith('_');
}
