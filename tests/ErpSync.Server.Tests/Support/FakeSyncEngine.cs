using System.Collections.Concurrent;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;

namespace ErpSync.Server.Tests.Support;

/// <summary>
/// A hand-written engine double for the worker: records every document call, tracks how many run at once
/// (per document and in total), and answers with <see cref="Behaviour"/> (applied by default).
/// </summary>
internal sealed class FakeSyncEngine : ISyncEngine
{
    private readonly ConcurrentQueue<EngineCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _number;
    private int _inFlight;
    private int _maxInFlight;
    private int _maxPerDocument;

    public Func<EngineCall, CancellationToken, Task<SyncOutcome>> Behaviour { get; set; } = (call, _) => Task.FromResult(Applied(call));

    public IReadOnlyList<EngineCall> Calls => _calls.ToArray();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int MaxConcurrentPerDocument => Volatile.Read(ref _maxPerDocument);

    public static SyncOutcome Applied(EngineCall call) =>
        new(call.DocType, call.Name, call.Name, SyncOutcomeKind.Applied, "update", call.Source == SiteName.Cloud ? "cloud_to_local" : "local_to_cloud");

    public static SyncOutcome Outcome(EngineCall call, SyncOutcomeKind kind, string? message = null, bool transient = false) =>
        new(call.DocType, call.Name, call.Name, kind, "none", "none", message, transient);

    public async Task<SyncOutcome> SyncDocumentAsync(string docType, SiteName source, string name, SyncRunOptions options, CancellationToken cancellationToken)
    {
        var call = new EngineCall(docType, source, name, Interlocked.Increment(ref _number));
        var key = $"{source}/{docType}/{name}";
        var perDocument = _running.AddOrUpdate(key, 1, (_, n) => n + 1);
        Raise(ref _maxPerDocument, perDocument);
        Raise(ref _maxInFlight, Interlocked.Increment(ref _inFlight));
        _calls.Enqueue(call);
        Pulse();
        try
        {
            return await Behaviour(call, cancellationToken);
        }
        finally
        {
            _running.AddOrUpdate(key, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> calls were made.</summary>
    public async Task<IReadOnlyList<EngineCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_calls.Count >= count)
                    return Calls;
                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} engine call(s), got {_calls.Count}.");
            }
        }
    }

    public Task<SyncSummary> SyncDocTypeAsync(string docType, SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The server syncs single documents only.");

    public Task<SyncSummary> SyncAllAsync(SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The server syncs single documents only.");

    public Task<SyncOutcome> ResolveConflictAsync(long conflictId, ConflictChoice choice, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The server does not resolve conflicts.");

    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private static void Raise(ref int max, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref max)) && Interlocked.CompareExchange(ref max, value, seen) != seen)
        {
        }
    }
}
