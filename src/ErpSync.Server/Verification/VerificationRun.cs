namespace ErpSync.Server.Verification;

/// <summary>The outcome of one scheduled full reconciliation, for <c>/status</c>.</summary>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it ended (UTC).</param>
/// <param name="Result"><c>completed</c>, <c>failed</c> or <c>skipped</c> (another process was running one).</param>
/// <param name="Total">Documents considered.</param>
/// <param name="Success">Pairs changed.</param>
/// <param name="Failed">Pairs that failed.</param>
/// <param name="Conflicts">Conflicts recorded.</param>
/// <param name="Skipped">Pairs already in agreement.</param>
/// <param name="Message">Why it failed or was skipped; otherwise <c>null</c>.</param>
internal sealed record VerificationRun(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Result,
    int Total,
    int Success,
    int Failed,
    int Conflicts,
    int Skipped,
    string? Message);
