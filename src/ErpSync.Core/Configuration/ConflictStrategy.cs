namespace ErpSync.Core.Configuration;

/// <summary>How a field changed on both sides to different values is settled (config spelling in brackets).</summary>
public enum ConflictStrategy
{
    /// <summary>Take fields changed on one side only; settle overlapping fields with the merge fallback (<c>merge</c>).</summary>
    Merge,

    /// <summary>The side with the later <c>modified</c>, compared in UTC using each site's time zone (<c>latest_timestamp</c>).</summary>
    LatestTimestamp,

    /// <summary>The cloud's values (<c>cloud_wins</c>).</summary>
    CloudWins,

    /// <summary>The local values (<c>local_wins</c>).</summary>
    LocalWins,

    /// <summary>Record the conflict and write nothing until a person resolves it (<c>manual</c>).</summary>
    Manual,
}
