namespace ErpSync.Core.Sync;

/// <summary>A progress event for the CLI's progress bars: per DocType, how far the run is.</summary>
/// <param name="DocType">DocType being synced.</param>
/// <param name="Done">Documents handled so far.</param>
/// <param name="Total">Documents to handle, when known.</param>
/// <param name="Latest">The outcome that just happened, if any.</param>
public sealed record SyncProgress(string DocType, int Done, int? Total, SyncOutcome? Latest);
