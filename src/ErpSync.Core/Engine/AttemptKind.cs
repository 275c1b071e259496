namespace ErpSync.Core.Engine;

/// <summary>How one round of read, plan and write on a pair ended.</summary>
internal enum AttemptKind
{
    /// <summary>The pair's outcome is known.</summary>
    Done,

    /// <summary>Read and plan again (a stale write, or the pair moved meanwhile).</summary>
    Retry,

    /// <summary>Sync these dependencies first (with the pair's lock released), then try again.</summary>
    NeedsDependencies,
}
