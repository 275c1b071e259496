using ErpSync.Core.State;
using ErpSync.Store;

namespace ErpSync.Server.Tests.Support;

/// <summary>A real state database whose queue reports each lease renewal, so tests can wait for one instead of sleeping.</summary>
internal sealed class ObservedStateDatabase(IStateDatabase inner) : IStateDatabase
{
    private readonly ObservedQueue _queue = new(inner.Queue);

    public StateProvider Provider => inner.Provider;

    public string Description => inner.Description;

    public ISyncStore Store => inner.Store;

    public IWorkQueue Queue => _queue;

    public IDocumentLocks Locks => inner.Locks;

    public int SchemaVersion => inner.SchemaVersion;

    public ErpSync.Store.Operations.IStateMaintenance Maintenance => inner.Maintenance;

    public ErpSync.Store.Presence.IServerPresence Servers => inner.Servers;

    /// <summary>Completes with each renewal's result, one task per renewal in order.</summary>
    public System.Threading.Channels.ChannelReader<bool> Renewals => _queue.Renewals.Reader;

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private sealed class ObservedQueue(IWorkQueue inner) : IWorkQueue
    {
        public System.Threading.Channels.Channel<bool> Renewals { get; } = System.Threading.Channels.Channel.CreateUnbounded<bool>();

        public Task<long> EnqueueAsync(NewQueueItem item, CancellationToken cancellationToken) => inner.EnqueueAsync(item, cancellationToken);

        public Task EnqueueManyAsync(IReadOnlyList<NewQueueItem> items, CancellationToken cancellationToken) => inner.EnqueueManyAsync(items, cancellationToken);

        public Task<IReadOnlyList<QueueItem>> ClaimAsync(string owner, int maxItems, TimeSpan lease, CancellationToken cancellationToken) =>
            inner.ClaimAsync(owner, maxItems, lease, cancellationToken);

        public async Task<bool> RenewLeaseAsync(long id, string owner, TimeSpan lease, CancellationToken cancellationToken)
        {
            var renewed = await inner.RenewLeaseAsync(id, owner, lease, cancellationToken);
            Renewals.Writer.TryWrite(renewed);
            return renewed;
        }

        public Task CompleteAsync(long id, string owner, CancellationToken cancellationToken) => inner.CompleteAsync(id, owner, cancellationToken);

        public Task FailAsync(long id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
            inner.FailAsync(id, owner, error, retryAt, cancellationToken);

        public Task ReleaseAsync(long id, string owner, CancellationToken cancellationToken) => inner.ReleaseAsync(id, owner, cancellationToken);

        public Task<int> RequeueDeadAsync(string? docType, CancellationToken cancellationToken) => inner.RequeueDeadAsync(docType, cancellationToken);

        public Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken) => inner.GetStatsAsync(cancellationToken);

        public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken) => inner.NextDueAtAsync(cancellationToken);
    }
}
