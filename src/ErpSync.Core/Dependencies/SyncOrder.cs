namespace ErpSync.Core.Dependencies;

/// <summary>The order a full sync processes DocTypes in, and how the link graph was made acyclic.</summary>
/// <param name="DocTypes">Every DocType of the scope, link targets before the DocTypes that link to them.</param>
/// <param name="BrokenEdges">
/// Edges ignored to break cycles (the <c>From</c> DocType goes first even though it links to <c>To</c>; its
/// documents' links are then satisfied per document by syncing dependencies first).
/// </param>
/// <param name="OutOfScope">Link targets outside the scope, per linking DocType: they must already exist on both sites.</param>
internal sealed record SyncOrder(
    IReadOnlyList<string> DocTypes,
    IReadOnlyList<DependencyEdge> BrokenEdges,
    IReadOnlyList<DependencyEdge> OutOfScope);
