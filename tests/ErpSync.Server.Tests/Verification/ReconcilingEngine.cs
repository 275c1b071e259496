using ErpSync.Core.Sites;
using ErpSync.Core.Sync;
using ErpSync.Server.Upkeep;

namespace ErpSync.Server.Tests.Verification;

/// <summary>An engine double for the scheduled verification: counts full reconciliations and answers with <see cref="Behaviour"/>.</summary>
internal sealed class ReconcilingEngine : ISyncEngine
{
    private readonly List<DateTimeOffset> _runs = [];

    public ReconcilingEngine(TimeProvider time) => Time = time;

    public TimeProvider Time { get; }

    public Func<CancellationToken, Task<SyncSummary>> Behaviour { get; set; } =
        _ => Task.FromResult(new SyncSummary { Total = 12, Skipped = 12, Elapsed = TimeSpan.FromSeconds(2) });

    /// <summary>When each full reconciliation was asked for (on <see cref="Time"/>).</summary>
    public IReadOnlyList<DateTimeOffset> Runs
    {
        get
        {
            lock (_runs)
                return _runs.ToList();
        }
    }

    public PassCounter Calls { get; } = new();

    public async Task<SyncSummary> SyncAllAsync(SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        lock (_runs)
            _runs.Add(Time.GetUtcNow());
        Calls.Increment();
        return await Behaviour(cancellationToken);
    }

    public Task<SyncOutcome> SyncDocumentAsync(string docType, SiteName source, string name, SyncRunOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(new SyncOutcome(docType, name, name, SyncOutcomeKind.Applied, "update", "cloud_to_local"));

    public Task<SyncSummary> SyncDocTypeAsync(string docType, SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The verification reconciles everything at once.");

    public Task<SyncOutcome> ResolveConflictAsync(long conflictId, ConflictChoice choice, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The verification resolves no conflict.");
}
