using ErpSync.Core.State;

namespace ErpSync.Store.Tests.Contract;

/// <summary>Audit rows, conflicts and the atomic commit of a sync step.</summary>
public abstract class AuditContractTests(IStoreTarget target) : StoreContractTests(target)
{
    private static SyncLogEntry Log(string docName, string status = "success", string? cloud = null, string? local = null, string docType = "Customer") => new()
    {
        DocType = docType,
        DocName = docName,
        CloudName = cloud,
        LocalName = local,
        Action = "update",
        Direction = "cloud_to_local",
        Status = status,
        Message = $"{docName} {status}",
        ChangesJson = """{"customer_name":["Old","New"]}""",
    };

    private static ConflictRecord Conflict(string docName, string reason = "both changed customer_name") => new()
    {
        DocType = "Customer",
        DocName = docName,
        CloudName = docName,
        LocalName = docName + "-L",
        CloudData = """{"customer_name":"Cloud"}""",
        LocalData = """{"customer_name":"Local"}""",
        BaseData = """{"customer_name":"Base"}""",
        CloudModified = "2026-01-15 10:00:00.000001",
        LocalModified = "2026-01-15 10:00:01.000002",
        ConflictingFields = ["customer_name", "items[ITEM-1]"],
        Reason = reason,
        Strategy = "manual",
    };

    [Fact]
    public async Task CommitAsync_RecordLogsAndConflict_AreWrittenTogetherAndLinked()
    {
        var db = await OpenAsync();

        var saved = await db.Store.CommitAsync(
            new SyncCommit(Pair("Customer", "C-1", "C-1-L", SyncStatus.Conflict), [Log("C-1", "conflict"), Log("C-1", "skipped")], Conflict("C-1")), Ct);

        saved.Id.ShouldBeGreaterThan(0);
        (await db.Store.GetRecordAsync(saved.Id, Ct))!.Status.ShouldBe(SyncStatus.Conflict);
        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery { DocName = "C-1" }, Ct))).Count.ShouldBe(2);
        var conflict = (await db.Store.ListConflictsAsync(false, Ct)).ShouldHaveSingleItem();
        conflict.SyncRecordId.ShouldBe(saved.Id);
        conflict.ConflictingFields.ShouldBe(["customer_name", "items[ITEM-1]"]);
        conflict.ShouldBe(Conflict("C-1") with
        {
            Id = conflict.Id,
            SyncRecordId = saved.Id,
            CreatedAt = Clock.GetUtcNow(),
            ConflictingFields = conflict.ConflictingFields,
        });
        (await db.Store.GetConflictAsync(conflict.Id, Ct))!.Reason.ShouldBe("both changed customer_name");
    }

    [Fact]
    public async Task CommitAsync_PartFails_WritesNothingAtAll()
    {
        var db = await OpenAsync();
        await db.Store.SaveRecordAsync(Pair("Customer", "C-1", "C-1"), Ct);
        var badLog = Log("C-2") with { Action = "" };

        await Should.ThrowAsync<ArgumentException>(() => db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-2", "C-2"), [Log("C-2"), badLog], Conflict("C-2")), Ct));
        await Should.ThrowAsync<InvalidOperationException>(() => db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-1", "C-9"), [Log("C-1")], Conflict("C-1")), Ct));

        (await ToListAsync(db.Store.ListRecordsAsync("Customer", Ct))).Count.ShouldBe(1);
        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery(), Ct))).ShouldBeEmpty();
        (await db.Store.ListConflictsAsync(true, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task QueryLogsAsync_Filters_ReturnMatchingRowsNewestFirst()
    {
        var db = await OpenAsync();
        var start = Clock.GetUtcNow();
        await db.Store.AppendLogAsync(Log("C-1", cloud: "C-1", local: "L-1"), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await db.Store.AppendLogAsync(Log("C-2", "failed"), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await db.Store.AppendLogAsync(Log("I-1", docType: "Item"), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await db.Store.AppendLogAsync(Log("C-1", "failed", cloud: "C-1", local: "L-1") with { Timestamp = start + TimeSpan.FromSeconds(150) }, Ct);

        var all = await ToListAsync(db.Store.QueryLogsAsync(new LogQuery(), Ct));
        all.Select(l => l.Timestamp).ShouldBe(all.Select(l => l.Timestamp).OrderDescending());
        all.Select(l => l.DocName).ShouldBe(["C-1", "I-1", "C-2", "C-1"]);
        all[0].Timestamp.ShouldBe(start + TimeSpan.FromSeconds(150));
        all[^1].Timestamp.ShouldBe(start);
        all[^1].ShouldBe(Log("C-1", cloud: "C-1", local: "L-1") with { Id = all[^1].Id, Timestamp = start });

        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery { DocName = "L-1" }, Ct))).Count.ShouldBe(2);
        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery { DocType = "Item" }, Ct))).ShouldHaveSingleItem().DocName.ShouldBe("I-1");
        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery { Status = "failed" }, Ct))).Select(l => l.DocName).ShouldBe(["C-1", "C-2"]);
        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery { Since = start + TimeSpan.FromMinutes(1) }, Ct))).Count.ShouldBe(3);
        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery { Limit = 2 }, Ct))).Select(l => l.DocName).ShouldBe(["C-1", "I-1"]);
        (await ToListAsync(db.Store.QueryLogsAsync(new LogQuery { DocType = "Customer", Status = "failed", DocName = "C-2" }, Ct))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ListConflictsAsync_UnresolvedByDefault_NewestFirst()
    {
        var db = await OpenAsync();
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-1", "C-1"), [], Conflict("C-1")), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-2", "C-2"), [], Conflict("C-2")), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-3", "C-3"), [], Conflict("C-3") with { Resolved = true, Resolution = "latest_timestamp:cloud" }), Ct);

        (await db.Store.ListConflictsAsync(false, Ct)).Select(c => c.DocName).ShouldBe(["C-2", "C-1"]);
        var all = await db.Store.ListConflictsAsync(true, Ct);
        all.Select(c => c.DocName).ShouldBe(["C-3", "C-2", "C-1"]);
        all[0].ResolvedAt.ShouldBe(Clock.GetUtcNow());
    }

    [Fact]
    public async Task ResolveConflictAsync_OpenConflict_RecordsResolutionAtClockTime()
    {
        var db = await OpenAsync();
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-1", "C-1"), [], Conflict("C-1")), Ct);
        var id = (await db.Store.ListConflictsAsync(false, Ct)).Single().Id;
        Clock.Advance(TimeSpan.FromHours(2));

        await db.Store.ResolveConflictAsync(id, "cloud_wins", Ct);

        var resolved = await db.Store.GetConflictAsync(id, Ct);
        resolved!.Resolved.ShouldBeTrue();
        resolved.Resolution.ShouldBe("cloud_wins");
        resolved.ResolvedAt.ShouldBe(Clock.GetUtcNow());
        (await db.Store.ListConflictsAsync(false, Ct)).ShouldBeEmpty();
        (await db.Store.GetStatusAsync(Ct)).UnresolvedConflicts.ShouldBe(0);
    }

    [Fact]
    public async Task ResolveConflictAsync_UnknownOrAlreadyResolved_ThrowsClearErrorsAndChangesNothing()
    {
        var db = await OpenAsync();
        await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-1", "C-1"), [], Conflict("C-1")), Ct);
        var id = (await db.Store.ListConflictsAsync(false, Ct)).Single().Id;
        await db.Store.ResolveConflictAsync(id, "local_wins", Ct);

        (await Should.ThrowAsync<KeyNotFoundException>(() => db.Store.ResolveConflictAsync(id + 100, "cloud_wins", Ct))).Message.ShouldContain($"{id + 100}");
        (await Should.ThrowAsync<InvalidOperationException>(() => db.Store.ResolveConflictAsync(id, "cloud_wins", Ct))).Message.ShouldContain("already resolved (local_wins)");
        (await db.Store.GetConflictAsync(id, Ct))!.Resolution.ShouldBe("local_wins");
        (await db.Store.GetConflictAsync(id + 100, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task DeleteRecordsAsync_PairWithConflicts_RemovesUnresolvedAndKeepsResolvedHistory()
    {
        var db = await OpenAsync();
        var pair = await db.Store.CommitAsync(new SyncCommit(Pair("Customer", "C-1", "C-1"), [], Conflict("C-1", "first")), Ct);
        var firstId = (await db.Store.ListConflictsAsync(false, Ct)).Single().Id;
        await db.Store.ResolveConflictAsync(firstId, "merged", Ct);
        await db.Store.CommitAsync(new SyncCommit(pair, [], Conflict("C-1", "second")), Ct);

        await db.Store.DeleteRecordsAsync("Customer", "C-1", Ct);

        var left = (await db.Store.ListConflictsAsync(true, Ct)).ShouldHaveSingleItem();
        left.Id.ShouldBe(firstId);
        left.SyncRecordId.ShouldBe(0);
        left.Resolution.ShouldBe("merged");
    }
}
