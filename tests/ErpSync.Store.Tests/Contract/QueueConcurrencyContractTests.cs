using System.Collections.Concurrent;
using ErpSync.Core.State;

namespace ErpSync.Store.Tests.Contract;

/// <summary>Several workers on one queue: nothing lost, nothing done twice, no document in two hands.</summary>
public abstract class QueueConcurrencyContractTests(IStoreTarget target) : StoreContractTests(target)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ClaimAsync_EightConcurrentWorkers_ProcessTenThousandItemsExactlyOnce()
    {
        var db = await OpenAsync();
        for (var chunk = 0; chunk < 10; chunk++)
            await db.Queue.EnqueueManyAsync([.. Enumerable.Range(chunk * 1000, 1000).Select(i => Event($"CUST-{i:D5}"))], Ct);
        var handled = new ConcurrentDictionary<long, int>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() => WorkAsync(db.Queue, $"worker-{w}", handled), Ct)));

        handled.Count.ShouldBe(10_000);
        handled.Values.ShouldAllBe(times => times == 1);
        var stats = await db.Queue.GetStatsAsync(Ct);
        stats.ShouldBe(new QueueStats { Processed = 10_000 });
    }

    [Fact]
    public async Task ClaimAsync_ConcurrentWorkersOnRepeatedEvents_NeverHandOneDocumentToTwoWorkersAtOnce()
    {
        var db = await OpenAsync();
        await db.Queue.EnqueueManyAsync([.. Enumerable.Range(0, 1500).Select(i => Event($"DOC-{i % 100}"))], Ct);
        var inFlight = new ConcurrentDictionary<string, string>();
        var overlaps = 0;
        var claimedDocuments = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(
            async () =>
            {
                var owner = $"worker-{w}";
                while (true)
                {
                    var items = await db.Queue.ClaimAsync(owner, 5, Lease, Ct);
                    if (items.Count == 0 && (await db.Queue.GetStatsAsync(Ct)) is { Pending: 0, Processing: 0 })
                        return;
                    foreach (var item in items)
                    {
                        if (!inFlight.TryAdd(item.DocName, owner))
                            Interlocked.Increment(ref overlaps);
                        claimedDocuments.Add(item.DocName);
                        await Task.Yield();
                        inFlight.TryRemove(item.DocName, out _);
                        await db.Queue.CompleteAsync(item.Id, owner, Ct);
                    }
                }
            },
            Ct)));

        overlaps.ShouldBe(0);
        claimedDocuments.Distinct().Count().ShouldBe(100);
        var stats = await db.Queue.GetStatsAsync(Ct);
        (stats.Processed, stats.Pending, stats.Processing).ShouldBe((1500L, 0L, 0L));
    }

    private static async Task WorkAsync(IWorkQueue queue, string owner, ConcurrentDictionary<long, int> handled)
    {
        while (true)
        {
            var items = await queue.ClaimAsync(owner, 25, Lease, Ct);
            if (items.Count == 0)
                return;
            foreach (var item in items)
            {
                handled.AddOrUpdate(item.Id, 1, (_, times) => times + 1);
                await queue.CompleteAsync(item.Id, owner, Ct);
            }
        }
    }
}
