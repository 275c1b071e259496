namespace ErpSync.Store.Operations;

/// <summary>What a reset removed.</summary>
/// <param name="Pairs">Sync records (document pairs).</param>
/// <param name="OpenConflicts">Unresolved conflicts of those pairs.</param>
/// <param name="QueueItems">Unprocessed queue items (only with <see cref="ResetScope.Queue"/>).</param>
/// <param name="Cursors">Sweep cursors (DocType and full resets only).</param>
public sealed record ResetResult(long Pairs, long OpenConflicts, long QueueItems, long Cursors);
