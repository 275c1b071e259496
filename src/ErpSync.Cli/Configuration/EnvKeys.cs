namespace ErpSync.Cli.Configuration;

/// <summary>The <c>.env</c> keys ErpSync reads (the original tool's names) and the legacy ones it understands.</summary>
internal static class EnvKeys
{
    public const string CloudUrl = "CLOUD_ERP_URL";
    public const string CloudApiKey = "CLOUD_API_KEY";
    public const string CloudApiSecret = "CLOUD_API_SECRET";
    public const string LocalUrl = "LOCAL_ERP_URL";
    public const string LocalApiKey = "LOCAL_API_KEY";
    public const string LocalApiSecret = "LOCAL_API_SECRET";
    public const string WebhookHost = "WEBHOOK_HOST";
    public const string WebhookPort = "WEBHOOK_PORT";
    public const string WebhookSecret = "WEBHOOK_SECRET";
    public const string ConflictResolution = "CONFLICT_RESOLUTION";
    public const string Database = "ERPSYNC_DB";

    /// <summary>The original tool's SQLAlchemy URL (<c>sqlite:///sync_state.db</c>); used when <see cref="Database"/> is unset.</summary>
    public const string LegacyDatabaseUrl = "DATABASE_URL";

    /// <summary>The original tool's Docker guide; overrides <c>log.level</c>.</summary>
    public const string LegacyLogLevel = "LOG_LEVEL";

    /// <summary>The original tool's Docker guide; overrides <c>log.file</c>.</summary>
    public const string LegacyLogFile = "LOG_FILE";

    /// <summary>Listed by the original tool's Docker guide but never read by it; ignored with a warning.</summary>
    public const string LegacySyncDocTypes = "SYNC_DOCTYPES";

    public static IReadOnlyList<string> Known { get; } =
    [
        CloudUrl, CloudApiKey, CloudApiSecret, LocalUrl, LocalApiKey, LocalApiSecret,
        WebhookHost, WebhookPort, WebhookSecret, ConflictResolution, Database,
    ];

    public static IReadOnlyList<string> Legacy { get; } = [LegacyDatabaseUrl, LegacyLogLevel, LegacyLogFile, LegacySyncDocTypes];

    /// <summary>Prefixes that mark a key as meant for ErpSync, so a misspelt one is refused instead of ignored.</summary>
    public static IReadOnlyList<string> OwnPrefixes { get; } = ["CLOUD_", "LOCAL_", "WEBHOOK_", "ERPSYNC_"];
}
