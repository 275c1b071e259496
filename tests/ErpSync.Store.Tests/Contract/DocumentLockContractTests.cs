namespace ErpSync.Store.Tests.Contract;

public abstract class DocumentLockContractTests(IStoreTarget target) : StoreContractTests(target)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AcquireAsync_SameKeyHeld_SecondWaitsUntilTheFirstIsReleased()
    {
        var db = await OpenAsync();
        var first = await db.Locks.AcquireAsync("Customer/C-1", Ct);

        var second = db.Locks.AcquireAsync("Customer/C-1", Ct).AsTask();
        var other = await db.Locks.AcquireAsync("Customer/C-2", Ct).AsTask().WaitAsync(Patience, Ct);

        // A bounded look for the absence of progress: the waiter must still be waiting.
        (await Task.WhenAny(second, Task.Delay(300, Ct))).ShouldNotBe(second);
        await first.DisposeAsync();
        await using var held = await second.WaitAsync(Patience, Ct);
        await other.DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_ManyConcurrentHolders_NeverOverlap()
    {
        var db = await OpenAsync();
        var inside = 0;
        var maxInside = 0;
        var entries = 0;

        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(
            async () =>
            {
                for (var i = 0; i < 5; i++)
                {
                    await using var held = await db.Locks.AcquireAsync("Sales Order/SO-1", Ct);
                    var now = Interlocked.Increment(ref inside);
                    InterlockedMax(ref maxInside, now);
                    await Task.Yield();
                    Interlocked.Increment(ref entries);
                    Interlocked.Decrement(ref inside);
                }
            },
            Ct)));

        entries.ShouldBe(120);
        maxInside.ShouldBe(1);
    }

    [Fact]
    public async Task AcquireAsync_CanceledWhileWaiting_ThrowsAndLeavesTheLockUsable()
    {
        var db = await OpenAsync();
        var first = await db.Locks.AcquireAsync("Item/I-1", Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var waiting = db.Locks.AcquireAsync("Item/I-1", cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience, Ct));
        await first.DisposeAsync();
        await using var again = await db.Locks.AcquireAsync("Item/I-1", Ct).AsTask().WaitAsync(Patience, Ct);
    }

    [Fact]
    public async Task DisposeAsync_CalledTwice_ReleasesOnce()
    {
        var db = await OpenAsync();
        var first = await db.Locks.AcquireAsync("Item/I-2", Ct);
        await first.DisposeAsync();
        var second = await db.Locks.AcquireAsync("Item/I-2", Ct).AsTask().WaitAsync(Patience, Ct);

        await first.DisposeAsync();

        var third = db.Locks.AcquireAsync("Item/I-2", Ct).AsTask();
        (await Task.WhenAny(third, Task.Delay(300, Ct))).ShouldNotBe(third);
        await second.DisposeAsync();
        await (await third.WaitAsync(Patience, Ct)).DisposeAsync();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
