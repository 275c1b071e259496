using ErpSync.Core.Sites;

namespace ErpSync.Core.Dependencies;

/// <summary>A document reference together with the site whose name it is.</summary>
/// <param name="Ref">DocType and name.</param>
/// <param name="Site">The site the name belongs to.</param>
internal sealed record SitedRef(DocRef Ref, SiteName Site);
