namespace ErpSync.Core.Dependencies;

/// <summary>Splits a document's dependencies into those the engine syncs itself and those it can only wait for.</summary>
internal static class DependencyScope
{
    /// <summary>
    /// Partitions <paramref name="refs"/> by whether their DocType is in <paramref name="scope"/> (the configured
    /// DocTypes). In-scope targets are synced first (recursively); an out-of-scope target missing on the target
    /// site parks the item with <see cref="DocRef.MissingDependencyReason"/>.
    /// </summary>
    public static (IReadOnlyList<DocRef> InScope, IReadOnlyList<DocRef> OutOfScope) Split(IEnumerable<DocRef> refs, IReadOnlySet<string> scope)
    {
        var inside = new List<DocRef>();
        var outside = new List<DocRef>();
        foreach (var reference in refs.Distinct().Order())
            (scope.Contains(reference.DocType) ? inside : outside).Add(reference);
        return (inside, outside);
    }
}
