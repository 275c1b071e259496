using System.Globalization;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Store.Tests.Contract;

public abstract class WorkQueueContractTests(IStoreTarget target) : StoreContractTests(target)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private async Task<long> CountAsync(string setting, string where) =>
        Convert.ToInt64(await Target.ScalarAsync(setting, $"SELECT count(*) FROM webhook_queue WHERE {where}", Ct), CultureInfo.InvariantCulture);

    [Fact]
    public async Task EnqueueAsync_OnReturn_RowIsCommittedAndVisibleToAnyConnection()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);

        var id = await db.Queue.EnqueueAsync(Event("CUST-1"), Ct);

        (await CountAsync(setting, $"id = {id} AND status = 'pending' AND processed = FALSE AND processing = FALSE AND retry_count = 0")).ShouldBe(1);
        (await db.Queue.NextDueAtAsync(Ct)).ShouldBe(Clock.GetUtcNow());
    }

    [Fact]
    public async Task ClaimAsync_DueItem_LeasesItWithEveryFieldSet()
    {
        var db = await OpenAsync();
        var id = await db.Queue.EnqueueAsync(new NewQueueItem(SiteName.Local, "Sales Order", "SO-0001", "on_submit", "doctype=Sales+Order&name=SO-0001"), Ct);

        var item = (await db.Queue.ClaimAsync("worker-1", 5, Lease, Ct)).ShouldHaveSingleItem();

        item.ShouldBe(new QueueItem
        {
            Id = id,
            Source = SiteName.Local,
            DocType = "Sales Order",
            DocName = "SO-0001",
            Action = "on_submit",
            Payload = "doctype=Sales+Order&name=SO-0001",
            Status = QueueStatus.Processing,
            Attempts = 1,
            NextAttemptAt = Clock.GetUtcNow(),
            LeaseOwner = "worker-1",
            LeaseExpiresAt = Clock.GetUtcNow() + Lease,
            CreatedAt = Clock.GetUtcNow(),
        });
        (await db.Queue.ClaimAsync("worker-2", 5, Lease, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ClaimAsync_ManyDueItems_OldestFirstUpToMaxItems()
    {
        var db = await OpenAsync();
        await db.Queue.EnqueueManyAsync([.. Enumerable.Range(1, 7).Select(i => Event($"C-{i}"))], Ct);

        var first = await db.Queue.ClaimAsync("w", 3, Lease, Ct);
        var rest = await db.Queue.ClaimAsync("w", 10, Lease, Ct);

        first.Select(i => i.DocName).ShouldBe(["C-1", "C-2", "C-3"]);
        rest.Select(i => i.DocName).ShouldBe(["C-4", "C-5", "C-6", "C-7"]);
    }

    [Fact]
    public async Task ClaimAsync_SeveralEventsOfOneDocument_ClaimsOneAndCoalescesTheOthers()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        var x1 = await db.Queue.EnqueueAsync(Event("X", action: "after_insert"), Ct);
        var y = await db.Queue.EnqueueAsync(Event("Y"), Ct);
        var x2 = await db.Queue.EnqueueAsync(Event("X"), Ct);
        var xLocal = await db.Queue.EnqueueAsync(Event("X", source: SiteName.Local), Ct);
        var xItem = await db.Queue.EnqueueAsync(Event("X", docType: "Item"), Ct);
        var x3 = await db.Queue.EnqueueAsync(Event("X"), Ct);

        var claimed = await db.Queue.ClaimAsync("w", 10, Lease, Ct);

        claimed.Select(i => i.Id).ShouldBe([x1, y, xLocal, xItem]);
        (await CountAsync(setting, $"id IN ({x2}, {x3}) AND status = 'processed' AND processed = TRUE")).ShouldBe(2);
        var stats = await db.Queue.GetStatsAsync(Ct);
        (stats.Processing, stats.Processed, stats.Pending).ShouldBe((4L, 2L, 0L));
    }

    [Fact]
    public async Task ClaimAsync_DocumentUnderLiveLease_NewEventWaitsUntilTheFirstIsDone()
    {
        var db = await OpenAsync();
        var first = await db.Queue.EnqueueAsync(Event("X"), Ct);
        (await db.Queue.ClaimAsync("w1", 1, Lease, Ct)).Single().Id.ShouldBe(first);
        var second = await db.Queue.EnqueueAsync(Event("X"), Ct);

        (await db.Queue.ClaimAsync("w2", 10, Lease, Ct)).ShouldBeEmpty();
        (await db.Queue.NextDueAtAsync(Ct)).ShouldBe(Clock.GetUtcNow() + Lease);
        await db.Queue.CompleteAsync(first, "w1", Ct);

        (await db.Queue.ClaimAsync("w2", 10, Lease, Ct)).ShouldHaveSingleItem().Id.ShouldBe(second);
    }

    [Fact]
    public async Task FailAsync_WithRetryTime_WaitsUntilThenCountsAnotherAttempt()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        var id = await db.Queue.EnqueueAsync(Event("C-1"), Ct);
        await db.Queue.ClaimAsync("w", 1, Lease, Ct);
        var retryAt = Clock.GetUtcNow() + TimeSpan.FromMinutes(5);

        await db.Queue.FailAsync(id, "w", "HTTP 503 from cloud", retryAt, Ct);

        (await db.Queue.GetStatsAsync(Ct)).Retrying.ShouldBe(1);
        (await CountAsync(setting, $"id = {id} AND retry_count = 1 AND processed = FALSE AND processing = FALSE AND error_message = 'HTTP 503 from cloud'")).ShouldBe(1);
        (await db.Queue.ClaimAsync("w", 1, Lease, Ct)).ShouldBeEmpty();
        (await db.Queue.NextDueAtAsync(Ct)).ShouldBe(retryAt);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var again = (await db.Queue.ClaimAsync("w", 1, Lease, Ct)).ShouldHaveSingleItem();
        again.Attempts.ShouldBe(2);
        again.ErrorMessage.ShouldBe("HTTP 503 from cloud");
    }

    [Fact]
    public async Task FailAsync_WithoutRetryTime_DeadLettersUntilRequeued()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        var customer = await db.Queue.EnqueueAsync(Event("C-1"), Ct);
        var item = await db.Queue.EnqueueAsync(Event("I-1", "Item"), Ct);
        await db.Queue.ClaimAsync("w", 2, Lease, Ct);
        await db.Queue.FailAsync(customer, "w", "417 TimestampMismatchError x5", null, Ct);
        await db.Queue.FailAsync(item, "w", "LinkValidationError", null, Ct);

        (await db.Queue.GetStatsAsync(Ct)).Dead.ShouldBe(2);
        (await db.Queue.ClaimAsync("w", 5, Lease, Ct)).ShouldBeEmpty();
        (await db.Queue.NextDueAtAsync(Ct)).ShouldBeNull();
        Clock.Advance(TimeSpan.FromHours(1));

        (await db.Queue.RequeueDeadAsync("Item", Ct)).ShouldBe(1);
        var requeued = (await db.Queue.ClaimAsync("w", 5, Lease, Ct)).ShouldHaveSingleItem();
        requeued.Id.ShouldBe(item);
        requeued.Attempts.ShouldBe(1);
        requeued.NextAttemptAt.ShouldBe(Clock.GetUtcNow());
        (await db.Queue.RequeueDeadAsync(null, Ct)).ShouldBe(1);
        (await CountAsync(setting, $"id = {customer} AND status = 'pending' AND attempts = 0 AND retry_count = 0 AND error_message = '417 TimestampMismatchError x5'")).ShouldBe(1);
        (await db.Queue.RequeueDeadAsync(null, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task ClaimAsync_WorkerDiedHoldingLease_ItemIsReclaimedAfterExpiryAndStaleOwnerIsIgnored()
    {
        var db = await OpenAsync();
        var id = await db.Queue.EnqueueAsync(Event("C-1"), Ct);
        await db.Queue.ClaimAsync("dead-worker", 1, Lease, Ct);

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        (await db.Queue.ClaimAsync("w2", 1, Lease, Ct)).ShouldBeEmpty();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var reclaimed = (await db.Queue.ClaimAsync("w2", 1, Lease, Ct)).ShouldHaveSingleItem();

        reclaimed.Id.ShouldBe(id);
        reclaimed.Attempts.ShouldBe(2);
        reclaimed.LeaseOwner.ShouldBe("w2");
        (await db.Queue.RenewLeaseAsync(id, "dead-worker", Lease, Ct)).ShouldBeFalse();
        await db.Queue.CompleteAsync(id, "dead-worker", Ct);
        (await db.Queue.GetStatsAsync(Ct)).Processing.ShouldBe(1);
        await db.Queue.CompleteAsync(id, "w2", Ct);
        (await db.Queue.GetStatsAsync(Ct)).Processed.ShouldBe(1);
    }

    [Fact]
    public async Task RenewLeaseAsync_HeldLease_KeepsItemFromBeingReclaimed()
    {
        var db = await OpenAsync();
        var id = await db.Queue.EnqueueAsync(Event("C-1"), Ct);
        await db.Queue.ClaimAsync("w1", 1, Lease, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));

        (await db.Queue.RenewLeaseAsync(id, "w1", Lease, Ct)).ShouldBeTrue();
        Clock.Advance(TimeSpan.FromSeconds(90));

        (await db.Queue.ClaimAsync("w2", 1, Lease, Ct)).ShouldBeEmpty();
        (await db.Queue.NextDueAtAsync(Ct)).ShouldBe(Clock.GetUtcNow() + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ReleaseAsync_ClaimedItem_IsDueAgainWithoutCountingTheAttempt()
    {
        var db = await OpenAsync();
        var id = await db.Queue.EnqueueAsync(Event("C-1"), Ct);
        await db.Queue.ClaimAsync("w1", 1, Lease, Ct);

        await db.Queue.ReleaseAsync(id, "w1", Ct);

        var stats = await db.Queue.GetStatsAsync(Ct);
        (stats.Pending, stats.Retrying, stats.Processing).ShouldBe((1L, 0L, 0L));
        (await db.Queue.ClaimAsync("w2", 1, Lease, Ct)).ShouldHaveSingleItem().Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task GetStatsAsync_ItemsInEveryState_CountsEachOnceWithOldestOwedItem()
    {
        var db = await OpenAsync();
        var t0 = Clock.GetUtcNow();
        var processing = await db.Queue.EnqueueAsync(Event("processing"), Ct);
        Clock.Advance(TimeSpan.FromSeconds(10));
        var done = await db.Queue.EnqueueAsync(Event("done"), Ct);
        var dead = await db.Queue.EnqueueAsync(Event("dead"), Ct);
        var retrying = await db.Queue.EnqueueAsync(Event("retrying"), Ct);
        await db.Queue.ClaimAsync("w", 10, Lease, Ct);
        await db.Queue.CompleteAsync(done, "w", Ct);
        await db.Queue.FailAsync(dead, "w", "gone", null, Ct);
        await db.Queue.FailAsync(retrying, "w", "later", Clock.GetUtcNow() + TimeSpan.FromMinutes(1), Ct);
        await db.Queue.EnqueueManyAsync([Event("new-1"), Event("new-2")], Ct);

        var stats = await db.Queue.GetStatsAsync(Ct);

        stats.ShouldBe(new QueueStats { Pending = 2, Retrying = 1, Processing = 1, Processed = 1, Dead = 1, OldestPendingCreatedAt = t0 });
        processing.ShouldBeLessThan(done);
        (await db.Queue.NextDueAtAsync(Ct)).ShouldBe(Clock.GetUtcNow());
    }

    [Fact]
    public async Task NextDueAtAsync_EmptyQueue_IsNull()
    {
        var db = await OpenAsync();

        (await db.Queue.NextDueAtAsync(Ct)).ShouldBeNull();
        (await db.Queue.GetStatsAsync(Ct)).ShouldBe(new QueueStats());
    }

    [Fact]
    public async Task ClaimAsync_InvalidArguments_AreRefused()
    {
        var db = await OpenAsync();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => db.Queue.ClaimAsync("w", 0, Lease, Ct));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => db.Queue.ClaimAsync("w", 1, TimeSpan.Zero, Ct));
        await Should.ThrowAsync<ArgumentException>(() => db.Queue.ClaimAsync(" ", 1, Lease, Ct));
        await Should.ThrowAsync<ArgumentException>(() => db.Queue.EnqueueAsync(Event(""), Ct));
    }
}
