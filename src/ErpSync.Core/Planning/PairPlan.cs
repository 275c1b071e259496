using ErpSync.Core.Canonical;
using ErpSync.Core.Conflicts;
using ErpSync.Core.Decisions;

namespace ErpSync.Core.Planning;

/// <summary>Everything the engine needs to carry out (or record) one pair's sync step.</summary>
internal sealed record PairPlan
{
    /// <summary>The three-way decision behind the plan.</summary>
    public required SyncDecision Decision { get; init; }

    /// <summary>What the plan amounts to.</summary>
    public required PlanOutcome Outcome { get; init; }

    /// <summary>Writes to make, in order (per target: content, then submit/cancel).</summary>
    public IReadOnlyList<PlannedWrite> Writes { get; init; } = [];

    /// <summary>A conflict to record with the outcome — unresolved, or resolved automatically and applied by <see cref="Writes"/>.</summary>
    public ConflictDescription? Conflict { get; init; }

    /// <summary>The content both sides hold once the writes succeed: the next base snapshot. <c>null</c> when deleted or unresolved.</summary>
    public CanonicalDocument? Agreed { get; init; }

    /// <summary>Read-only fields of a submitted target left as the target computes them (not written, not a conflict).</summary>
    public IReadOnlyList<string> SkippedFields { get; init; } = [];

    /// <summary>One line for logs and the CLI.</summary>
    public required string Message { get; init; }

    /// <summary>
    /// Where the writes go, in the spelling of <c>sync_logs.direction</c> and <c>sync_records.sync_direction</c>:
    /// <c>cloud_to_local</c>, <c>local_to_cloud</c>, <c>both</c>, <c>converged</c> (agreement recorded without writes) or <c>none</c>.
    /// </summary>
    public string Direction
    {
        get
        {
            var toCloud = Writes.Any(w => w.Target == Sites.SiteName.Cloud);
            var toLocal = Writes.Any(w => w.Target == Sites.SiteName.Local);
            return (toCloud, toLocal) switch
            {
                (true, true) => "both",
                (true, false) => "local_to_cloud",
                (false, true) => "cloud_to_local",
                _ => Outcome == PlanOutcome.Converged ? "converged" : "none",
            };
        }
    }
}
