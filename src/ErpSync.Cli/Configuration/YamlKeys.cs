namespace ErpSync.Cli.Configuration;

/// <summary>The keys <c>config.yaml</c> may hold, section by section.</summary>
internal static class YamlKeys
{
    public static IReadOnlyList<string> Root { get; } = ["sync_rules", "server", "retention", "alerts", "log"];

    public static IReadOnlyList<string> SyncRules { get; } =
        ["doctypes", "exclude_fields", "conflict_resolution", "merge_fallback", "retry", "batch_size", "doctype_rules"];

    public static IReadOnlyList<string> Retry { get; } = ["max_attempts", "backoff_seconds"];

    /// <summary><c>priority</c> is the original tool's (never read by it); it is mapped to a strategy with a warning.</summary>
    public static IReadOnlyList<string> DocTypeRule { get; } =
        ["direction", "conflict_resolution", "merge_fallback", "naming", "key_fields", "exclude_fields", "priority"];

    public static IReadOnlyList<string> Server { get; } =
        ["workers", "sweep_interval_seconds", "max_body_bytes", "lease_seconds", "reconcile_schedule"];

    public static IReadOnlyList<string> Retention { get; } = ["logs_days", "queue_days"];

    public static IReadOnlyList<string> Alerts { get; } = ["webhook_url", "thresholds"];

    public static IReadOnlyList<string> Thresholds { get; } =
        ["errors", "dead_letters", "unresolved_conflicts", "queue_age_seconds", "site_unreachable"];

    public static IReadOnlyList<string> Log { get; } = ["file", "level", "max_file_bytes", "retained_files", "format"];
}
