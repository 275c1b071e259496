using ErpSync.Core.Sites;
using ErpSync.Core.Sync;

namespace ErpSync.Benchmarks.Intake;

/// <summary>
/// An engine that reports every document as already in agreement without calling the sites, so the intake
/// benchmark measures the webhook endpoint and the queue (workers still claim and complete each item) and not
/// the sync behind them.
/// </summary>
internal sealed class NoSyncEngine : ISyncEngine
{
    public Task<SyncOutcome> SyncDocumentAsync(string docType, SiteName source, string name, SyncRunOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(new SyncOutcome(docType, source == SiteName.Cloud ? name : null, source == SiteName.Local ? name : null, SyncOutcomeKind.Skipped, "none", "none", "benchmark: no sync"));

    public Task<SyncSummary> SyncDocTypeAsync(string docType, SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        Task.FromResult(new SyncSummary());

    public Task<SyncSummary> SyncAllAsync(SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        Task.FromResult(new SyncSummary());

    public Task<SyncOutcome> ResolveConflictAsync(long conflictId, ConflictChoice choice, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The intake benchmark resolves no conflicts.");
}
