namespace ErpSync.Core.State;

/// <summary>State of a document pair in <c>sync_records.sync_status</c> (stored lowercase).</summary>
public enum SyncStatus
{
    /// <summary>Known but not yet brought to agreement (new, waiting on a dependency, or mid-sync).</summary>
    Pending,

    /// <summary>Both sides held the same canonical content after the last sync.</summary>
    Synced,

    /// <summary>The last attempt failed and will be retried.</summary>
    Error,

    /// <summary>An unresolved conflict blocks the pair until resolved.</summary>
    Conflict,

    /// <summary>Retries are exhausted; needs <c>erpsync retry</c> after the cause is fixed.</summary>
    Failed,

    /// <summary>Deleted on both sides; kept as a tombstone so late events cannot resurrect it.</summary>
    Deleted,
}
