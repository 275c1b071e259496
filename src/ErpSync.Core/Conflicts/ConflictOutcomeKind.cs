namespace ErpSync.Core.Conflicts;

/// <summary>How a both-sides change ended.</summary>
internal enum ConflictOutcomeKind
{
    /// <summary>No value changed on both sides: the merge is written to both, nothing is recorded as a conflict.</summary>
    CleanMerge,

    /// <summary>A conflict the strategy settled; written and recorded as resolved.</summary>
    AutoResolved,

    /// <summary>A conflict left for a person; nothing written, recorded as unresolved.</summary>
    Unresolved,
}
