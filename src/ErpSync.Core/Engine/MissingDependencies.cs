using ErpSync.Core.Dependencies;

namespace ErpSync.Core.Engine;

/// <summary>
/// What a pair's writes need first. <see cref="InScope"/> documents are synced first (each with the site whose name
/// it is); <see cref="OutOfScope"/> ones can only be waited for.
/// </summary>
internal sealed record MissingDependencies(IReadOnlyList<SitedRef> InScope, IReadOnlyList<DocRef> OutOfScope)
{
    /// <summary>Nothing missing.</summary>
    public static MissingDependencies None { get; } = new([], []);

    /// <summary>Whether nothing is missing.</summary>
    public bool IsEmpty => InScope.Count == 0 && OutOfScope.Count == 0;

    /// <summary><c>missing dependency D/N</c> for the first missing document (out-of-scope ones first: those decide the wait).</summary>
    public string Reason => (OutOfScope.FirstOrDefault() ?? InScope.FirstOrDefault()?.Ref)?.MissingDependencyReason ?? "";
}
