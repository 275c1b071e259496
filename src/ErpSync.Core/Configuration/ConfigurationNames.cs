namespace ErpSync.Core.Configuration;

/// <summary>The <c>config.yaml</c> spellings of the configuration enums, as stored in logs and conflict records.</summary>
public static class ConfigurationNames
{
    /// <summary><c>merge</c>, <c>latest_timestamp</c>, <c>cloud_wins</c>, <c>local_wins</c>, <c>manual</c>.</summary>
    public static string ToWire(this ConflictStrategy strategy) => strategy switch
    {
        ConflictStrategy.Merge => "merge",
        ConflictStrategy.LatestTimestamp => "latest_timestamp",
        ConflictStrategy.CloudWins => "cloud_wins",
        ConflictStrategy.LocalWins => "local_wins",
        ConflictStrategy.Manual => "manual",
        _ => strategy.ToString(),
    };

    /// <summary><c>bidirectional</c>, <c>cloud_to_local</c>, <c>local_to_cloud</c>.</summary>
    public static string ToWire(this SyncDirectionRule direction) => direction switch
    {
        SyncDirectionRule.Bidirectional => "bidirectional",
        SyncDirectionRule.CloudToLocal => "cloud_to_local",
        SyncDirectionRule.LocalToCloud => "local_to_cloud",
        _ => direction.ToString(),
    };

    /// <summary><c>auto</c>, <c>same</c>, <c>mapped</c>.</summary>
    public static string ToWire(this NamingMode naming) => naming switch
    {
        NamingMode.Auto => "auto",
        NamingMode.Same => "same",
        NamingMode.Mapped => "mapped",
        _ => naming.ToString(),
    };
}
