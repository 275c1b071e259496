using ErpSync.Core.Dependencies;
using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>The end of one round on a pair.</summary>
internal sealed record AttemptResult(AttemptKind Kind)
{
    /// <summary>For <see cref="AttemptKind.Done"/>.</summary>
    public SyncOutcome? Outcome { get; init; }

    /// <summary>For <see cref="AttemptKind.Retry"/>: an existing copy was paired instead of inserting one.</summary>
    public bool Adopted { get; init; }

    /// <summary>For <see cref="AttemptKind.Retry"/>: why.</summary>
    public string? Reason { get; init; }

    /// <summary>For <see cref="AttemptKind.NeedsDependencies"/>: what to sync first, each with the site whose name it is.</summary>
    public IReadOnlyList<SitedRef> Dependencies { get; init; } = [];

    public static AttemptResult Done(SyncOutcome outcome) => new(AttemptKind.Done) { Outcome = outcome };

    public static AttemptResult Retry(string reason, bool adopted = false) => new(AttemptKind.Retry) { Reason = reason, Adopted = adopted };

    public static AttemptResult Needs(IReadOnlyList<SitedRef> dependencies) => new(AttemptKind.NeedsDependencies) { Dependencies = dependencies };
}
