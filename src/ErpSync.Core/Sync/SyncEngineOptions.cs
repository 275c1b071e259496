using System.Diagnostics.Metrics;

namespace ErpSync.Core.Sync;

/// <summary>Tuning of a <see cref="SyncEngine"/>; the defaults suit one pair of sites behind one process.</summary>
public sealed record SyncEngineOptions
{
    /// <summary>The defaults.</summary>
    public static SyncEngineOptions Default { get; } = new();

    /// <summary>Document pairs synced at once in a DocType run (default 8).</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// Rounds of read, plan and write per pair before it is reported as still changing (default 4): a round ends
    /// early when a compare-and-swap write finds the document changed, or after dependencies were synced first.
    /// </summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>How deep dependencies of dependencies are synced before the item waits instead (default 8).</summary>
    public int MaxDependencyDepth { get; init; } = 8;

    /// <summary>
    /// Safety margin for clock differences between this process and a site when looking for a copy an
    /// interrupted insert may have created (default 1 hour).
    /// </summary>
    public TimeSpan RecoveryWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Creates the <c>ErpSync.Core</c> meter when set (dependency injection); a shared meter otherwise.</summary>
    public IMeterFactory? MeterFactory { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (MaxConcurrency is < 1 or > 256)
            problems.Add($"MaxConcurrency must be between 1 and 256, not {MaxConcurrency}");
        if (MaxAttempts is < 1 or > 50)
            problems.Add($"MaxAttempts must be between 1 and 50, not {MaxAttempts}");
        if (MaxDependencyDepth is < 0 or > 64)
            problems.Add($"MaxDependencyDepth must be between 0 and 64, not {MaxDependencyDepth}");
        if (RecoveryWindow < TimeSpan.Zero)
            problems.Add($"RecoveryWindow must not be negative, not {RecoveryWindow}");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid sync engine options: " + string.Join("; ", problems) + ".");
    }
}
