namespace ErpSync.Store.Operations;

/// <summary>What a state database file holds, read without opening it as the live database.</summary>
/// <param name="Path">The file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="SchemaVersion">Its schema version.</param>
/// <param name="Counts">Its rows.</param>
/// <param name="LastActivity">Time of its newest audit row, when it has one.</param>
public sealed record StateFileSummary(string Path, long Bytes, int SchemaVersion, StateCounts Counts, DateTimeOffset? LastActivity);
