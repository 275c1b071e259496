namespace ErpSync.Store.Operations;

/// <summary>A finished backup.</summary>
/// <param name="Path">Absolute path of the copy.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="SchemaVersion">Schema version inside the copy.</param>
/// <param name="Counts">Rows inside the copy.</param>
public sealed record BackupResult(string Path, long Bytes, int SchemaVersion, StateCounts Counts);
