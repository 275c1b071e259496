namespace ErpSync.Store.Operations;

/// <summary>A finished restore.</summary>
/// <param name="DatabasePath">The state database, now holding the restored data.</param>
/// <param name="ReplacedFileKeptAs">Where the database it replaced was moved, or <c>null</c> when there was none.</param>
/// <param name="Restored">What was restored.</param>
public sealed record RestoreResult(string DatabasePath, string? ReplacedFileKeptAs, StateFileSummary Restored);
