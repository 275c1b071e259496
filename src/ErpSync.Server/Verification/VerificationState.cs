namespace ErpSync.Server.Verification;

/// <summary>The scheduled verification in <c>/status</c>: the schedule, the next run and the last one.</summary>
/// <param name="Schedule">As configured, or <c>off</c>.</param>
/// <param name="NextRunAt">When the next run is due (UTC), or <c>null</c>.</param>
/// <param name="Runs">Runs since the server started.</param>
/// <param name="LastRun">The last run, or <c>null</c>.</param>
internal sealed record VerificationState(string Schedule, DateTimeOffset? NextRunAt, long Runs, VerificationRun? LastRun);
