using System.Globalization;
using ErpSync.Store.Tests.Contract;
using ErpSync.TestKit.Time;

namespace ErpSync.Store.Tests.Postgres;

/// <summary>Several processes sharing one PostgreSQL database, as several <c>erpsync serve</c> would.</summary>
public sealed class PostgresMultiProcessTests(PostgresTarget target) : StoreContractTests(target), IClassFixture<PostgresTarget>
{
    [Fact]
    public async Task ClaimAsync_TwoProcessesOnOneDatabase_ProcessTenThousandItemsExactlyOnce()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        for (var chunk = 0; chunk < 10; chunk++)
            await db.Queue.EnqueueManyAsync([.. Enumerable.Range(chunk * 1000, 1000).Select(i => Event($"CUST-{i:D5}"))], Ct);
        await using var first = WorkerProcess.Start(setting, "drain", "p1", "4", "25");
        await using var second = WorkerProcess.Start(setting, "drain", "p2", "4", "25");
        (await first.ReadLineAsync(Ct)).ShouldBe("ready");
        (await second.ReadLineAsync(Ct)).ShouldBe("ready");

        await Task.WhenAll(first.WriteLineAsync("go"), second.WriteLineAsync("go"));
        var byFirst = Ids(await first.ReadToEndAsync(Ct));
        var bySecond = Ids(await second.ReadToEndAsync(Ct));

        byFirst.ShouldNotBeEmpty("both processes must have taken part");
        bySecond.ShouldNotBeEmpty("both processes must have taken part");
        (byFirst.Count + bySecond.Count).ShouldBe(10_000);
        byFirst.Concat(bySecond).Distinct().Count().ShouldBe(10_000);
        (await db.Queue.GetStatsAsync(Ct)).Processed.ShouldBe(10_000);
    }

    [Fact]
    public async Task ClaimAsync_WorkerProcessKilledHoldingItem_ItemIsReclaimedOnceItsLeaseExpires()
    {
        var setting = await NewSettingAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var db = await OpenAsync(setting, clock);
        var id = await db.Queue.EnqueueAsync(Event("CUST-1"), Ct);
        await using var doomed = WorkerProcess.Start(setting, "claim-and-hang", "doomed", "30");
        (await doomed.ReadLineAsync(Ct)).ShouldBe($"claimed {id}");

        await doomed.KillAsync(Ct);

        (await db.Queue.ClaimAsync("survivor", 10, TimeSpan.FromMinutes(1), Ct)).ShouldBeEmpty();
        // Past the 30 s lease the worker took, measured from its own (later) start.
        clock.Advance(TimeSpan.FromMinutes(2));
        var reclaimed = (await db.Queue.ClaimAsync("survivor", 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        reclaimed.Id.ShouldBe(id);
        reclaimed.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task AcquireAsync_LockHeldByAnotherProcess_WaitsAndIsFreedWhenThatProcessDies()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        await using var holder = WorkerProcess.Start(setting, "lock-and-hang", "Sales Order/SO-0001");
        (await holder.ReadLineAsync(Ct)).ShouldBe("locked");

        var waiting = db.Locks.AcquireAsync("Sales Order/SO-0001", Ct).AsTask();
        await using (await db.Locks.AcquireAsync("Sales Order/SO-0002", Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct))
        {
            // A bounded look for the absence of progress: the other process still holds the lock.
            (await Task.WhenAny(waiting, Task.Delay(500, Ct))).ShouldNotBe(waiting);
        }

        await holder.KillAsync(Ct);

        await using var held = await waiting.WaitAsync(TimeSpan.FromSeconds(20), Ct);
    }

    [Fact]
    public async Task AcquireAsync_TwoHandlesOnOneDatabase_ExcludeEachOther()
    {
        var setting = await NewSettingAsync();
        var one = await OpenAsync(setting);
        var other = await OpenAsync(setting);
        var first = await one.Locks.AcquireAsync("Item/I-1", Ct);

        var second = other.Locks.AcquireAsync("Item/I-1", Ct).AsTask();
        (await Task.WhenAny(second, Task.Delay(500, Ct))).ShouldNotBe(second);
        await first.DisposeAsync();

        await using var held = await second.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    private static List<long> Ids(List<string> lines) =>
        [.. lines.Select(line => line.StartsWith("claimed ", StringComparison.Ordinal)
            ? long.Parse(line["claimed ".Length..], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Unexpected worker output: {line}"))];
}
