namespace ErpSync.Cli.Configuration;

/// <summary>
/// <c>alerts.thresholds</c>: an alert fires when a figure reaches its threshold; 0 disables that alert.
/// </summary>
/// <param name="Errors">Document pairs in error or failed (default 10).</param>
/// <param name="DeadLetters">Dead-lettered queue items (default 1: any).</param>
/// <param name="UnresolvedConflicts">Unresolved conflicts (default 1: any).</param>
/// <param name="QueueAgeSeconds">Age of the oldest pending queue item, seconds (default 300).</param>
/// <param name="SiteUnreachable">Seconds a site may stay unreachable before alerting (default 120).</param>
internal sealed record AlertThresholds(
    int Errors = 10,
    int DeadLetters = 1,
    int UnresolvedConflicts = 1,
    int QueueAgeSeconds = 300,
    int SiteUnreachable = 120);
