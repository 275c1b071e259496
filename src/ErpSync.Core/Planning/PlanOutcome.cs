namespace ErpSync.Core.Planning;

/// <summary>What a pair plan amounts to, for status, logs and the run summary.</summary>
internal enum PlanOutcome
{
    /// <summary>Nothing to write or record (unchanged, echo of our own write, exists nowhere).</summary>
    NoChange,

    /// <summary>Writes to make (<see cref="PairPlan.Writes"/>); the pair is synced when they succeed.</summary>
    Apply,

    /// <summary>Both sides already agree: store the new hashes and base, write nothing.</summary>
    Converged,

    /// <summary>An unresolved conflict: record it, write nothing, the pair waits for a person.</summary>
    Conflict,

    /// <summary>A needed write is forbidden by the direction rule or the forced direction: log a skip, leave the pair as it was.</summary>
    Blocked,

    /// <summary>Gone on both sides: keep the pair as a tombstone.</summary>
    Deleted,
}
