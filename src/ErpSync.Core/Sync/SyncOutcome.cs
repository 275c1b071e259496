namespace ErpSync.Core.Sync;

/// <summary>What happened to one document pair.</summary>
/// <param name="DocType">DocType.</param>
/// <param name="CloudName">Cloud name after the sync, if it exists there.</param>
/// <param name="LocalName">Local name after the sync, if it exists there.</param>
/// <param name="Kind">The outcome class.</param>
/// <param name="Action">What was done or planned (<c>create</c>, <c>update</c>, <c>delete</c>, <c>submit</c>, <c>cancel</c>, <c>none</c>, …).</param>
/// <param name="Direction"><c>cloud_to_local</c>, <c>local_to_cloud</c>, <c>both</c> or <c>none</c>.</param>
/// <param name="Message">Reason or detail; for <see cref="SyncOutcomeKind.Waiting"/> exactly <c>missing dependency D/N</c>.</param>
/// <param name="IsTransient">For failures: whether retrying later may succeed (site down, rate limited, waiting on a dependency).</param>
public sealed record SyncOutcome(
    string DocType,
    string? CloudName,
    string? LocalName,
    SyncOutcomeKind Kind,
    string Action,
    string Direction,
    string? Message = null,
    bool IsTransient = false);

/// <summary>Outcome classes, as counted in the sync summary.</summary>
public enum SyncOutcomeKind
{
    /// <summary>A change was written (or, in a dry run, would be).</summary>
    Applied,

    /// <summary>Nothing to do (already in agreement, an echo, out of the configured direction).</summary>
    Skipped,

    /// <summary>A conflict was recorded (auto-resolved ones count as Applied and are still recorded).</summary>
    Conflict,

    /// <summary>Parked until a linked document exists on the target.</summary>
    Waiting,

    /// <summary>The attempt failed; see Message and IsTransient.</summary>
    Failed,
}
