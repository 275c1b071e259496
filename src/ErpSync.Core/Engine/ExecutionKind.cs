namespace ErpSync.Core.Engine;

/// <summary>How carrying out a plan's writes ended.</summary>
internal enum ExecutionKind
{
    /// <summary>Every write succeeded.</summary>
    Completed,

    /// <summary>A compare-and-swap write found the target changed since it was read: read again and plan again.</summary>
    Stale,

    /// <summary>The pair changed under the engine (another worker created or paired it): read again and plan again.</summary>
    Moved,

    /// <summary>A site refused a link: the dependencies must be synced (or waited for) first.</summary>
    MissingDependencies,

    /// <summary>A site refused or failed a write.</summary>
    Failed,
}
