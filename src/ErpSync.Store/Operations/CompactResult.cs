namespace ErpSync.Store.Operations;

/// <summary>What compaction did.</summary>
/// <param name="Steps">The statements run, in order (e.g. <c>VACUUM</c>, <c>ANALYZE</c>, <c>wal_checkpoint(TRUNCATE)</c>).</param>
/// <param name="WalFullyCheckpointed">SQLite: whether the WAL was emptied (a reader holding an old snapshot can prevent it); always true on PostgreSQL.</param>
public sealed record CompactResult(IReadOnlyList<string> Steps, bool WalFullyCheckpointed);
