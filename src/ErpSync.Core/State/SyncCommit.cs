namespace ErpSync.Core.State;

/// <summary>What one sync step writes, committed in one transaction.</summary>
/// <param name="Record">The pair's new state (inserted when its Id is 0).</param>
/// <param name="Logs">Audit rows to append.</param>
/// <param name="Conflict">A conflict to record for the pair, if any.</param>
public sealed record SyncCommit(SyncRecord Record, IReadOnlyList<SyncLogEntry> Logs, ConflictRecord? Conflict = null);
