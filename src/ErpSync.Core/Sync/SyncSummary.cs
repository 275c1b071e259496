namespace ErpSync.Core.Sync;

/// <summary>Totals of a sync run: <c>Total, Success, Failed, Conflicts, Skipped</c> as the CLI prints them.</summary>
public sealed record SyncSummary
{
    /// <summary>Documents considered.</summary>
    public int Total { get; init; }

    /// <summary>Pairs changed (Applied).</summary>
    public int Success { get; init; }

    /// <summary>Pairs that failed (including Waiting).</summary>
    public int Failed { get; init; }

    /// <summary>Conflicts recorded and left for a person.</summary>
    public int Conflicts { get; init; }

    /// <summary>Pairs already in agreement or out of scope.</summary>
    public int Skipped { get; init; }

    /// <summary>Every non-skipped outcome, for reports and dry-run plans.</summary>
    public IReadOnlyList<SyncOutcome> Outcomes { get; init; } = [];

    /// <summary>Wall-clock duration.</summary>
    public TimeSpan Elapsed { get; init; }
}
