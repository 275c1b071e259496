using ErpSync.Core.Canonical;
using ErpSync.Core.Merging;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Conflicts;

/// <summary>What to do about a both-sides change.</summary>
internal sealed record ConflictOutcome
{
    /// <summary>How it ended.</summary>
    public required ConflictOutcomeKind Kind { get; init; }

    /// <summary>
    /// The content both sides should hold afterwards; <c>null</c> when unresolved or when the resolution is to
    /// delete (<see cref="DeleteBoth"/>).
    /// </summary>
    public CanonicalDocument? Agreed { get; init; }

    /// <summary>For delete-vs-edit: the deletion won, delete the surviving document too.</summary>
    public bool DeleteBoth { get; init; }

    /// <summary>The side whose version won as a whole (one-way rule, delete-vs-edit), when one did.</summary>
    public SiteName? Winner { get; init; }

    /// <summary>The conflict to record; <c>null</c> for a clean merge.</summary>
    public ConflictDescription? Description { get; init; }

    /// <summary>The field merge behind the outcome, when one was made.</summary>
    public MergeResult? Merge { get; init; }
}
