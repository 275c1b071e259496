using ErpSync.Core.Sites;

namespace ErpSync.Core.Engine;

/// <summary>A pair a DocType run must look at, named by one of its documents.</summary>
/// <param name="Site">The site whose name is given.</param>
/// <param name="Name">The document's name there.</param>
internal sealed record WorkItem(SiteName Site, string Name);
