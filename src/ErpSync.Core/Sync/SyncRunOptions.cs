using ErpSync.Core.Decisions;

namespace ErpSync.Core.Sync;

/// <summary>Options of one sync run.</summary>
public sealed record SyncRunOptions
{
    /// <summary>Default options: automatic direction, no limit, writes allowed.</summary>
    public static SyncRunOptions Default { get; } = new();

    /// <summary>Forced direction of a manual sync: restricts which site this run may write; <see cref="ForcedDirection.Auto"/> lets the three-way decision choose.</summary>
    public ForcedDirection Direction { get; init; } = ForcedDirection.Auto;

    /// <summary>Stop after this many documents per DocType (<c>--limit</c>); all when <c>null</c>.</summary>
    public int? Limit { get; init; }

    /// <summary>Plan only: decide and report, write nothing to either site or the store.</summary>
    public bool DryRun { get; init; }
}

/// <summary>The <c>--keep</c> of <c>conflicts resolve</c>.</summary>
public enum ConflictChoice
{
    /// <summary>Keep the cloud's content.</summary>
    Cloud,

    /// <summary>Keep the local content.</summary>
    Local,

    /// <summary>Keep the field merge (one-sided changes from each side; overlapping fields from the cloud unless stated).</summary>
    Merged,
}
