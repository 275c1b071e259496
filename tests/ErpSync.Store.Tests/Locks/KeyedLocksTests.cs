using ErpSync.Store.Locks;

namespace ErpSync.Store.Tests.Locks;

public sealed class KeyedLocksTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcquireAsync_ManyKeysUsedThenReleased_LeavesNothingBehind()
    {
        var locks = new KeyedLocks();
        var held = new List<IAsyncDisposable>();
        for (var i = 0; i < 1000; i++)
            held.Add(await locks.AcquireAsync($"Customer/C-{i}", Ct));
        locks.ActiveKeys.ShouldBe(1000);

        foreach (var holder in held)
            await holder.DisposeAsync();

        locks.ActiveKeys.ShouldBe(0);
    }

    [Fact]
    public async Task AcquireAsync_WaiterCanceled_IsForgottenWithTheKey()
    {
        var locks = new KeyedLocks();
        var first = await locks.AcquireAsync("Item/I-1", Ct);
        using var cancel = new CancellationTokenSource();
        var waiter = locks.AcquireAsync("Item/I-1", cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiter);

        await first.DisposeAsync();

        locks.ActiveKeys.ShouldBe(0);
    }
}
