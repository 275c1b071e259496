using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Store.Tests.Contract;

public abstract class SyncRecordContractTests(IStoreTarget target) : StoreContractTests(target)
{
    [Fact]
    public async Task SaveRecordAsync_NewPair_RoundTripsEveryFieldWithIdAndClockTimes()
    {
        var db = await OpenAsync();
        var record = new SyncRecord
        {
            DocType = "Sales Order",
            CloudName = "SO-CL-0001",
            LocalName = "SO-LO-0007",
            CloudHash = "c0ffee",
            LocalHash = "beef",
            CloudModified = "2026-01-15 10:00:00.123456",
            LocalModified = "2026-01-15 11:00:00.654321",
            CloudDocstatus = 1,
            LocalDocstatus = 0,
            BaseSnapshot = """{"customer":"Müller & Söhne","items":[{"qty":2.5}],"note":"ü€😀"}""",
            LastSynced = new DateTimeOffset(2026, 1, 15, 8, 59, 58, 250, TimeSpan.Zero),
            SyncDirection = "cloud_to_local",
            Status = SyncStatus.Synced,
            ErrorMessage = "was: missing dependency Customer/C-1",
            RetryCount = 2,
        };

        var saved = await db.Store.SaveRecordAsync(record, Ct);

        saved.Id.ShouldBeGreaterThan(0);
        saved.CreatedAt.ShouldBe(Clock.GetUtcNow());
        saved.UpdatedAt.ShouldBe(Clock.GetUtcNow());
        saved.ShouldBe(record with { Id = saved.Id, CreatedAt = saved.CreatedAt, UpdatedAt = saved.UpdatedAt });
        (await db.Store.GetRecordAsync(saved.Id, Ct)).ShouldBe(saved);
    }

    [Fact]
    public async Task SaveRecordAsync_ExistingPair_UpdatesFieldsAndKeepsCreatedAt()
    {
        var db = await OpenAsync();
        var first = await db.Store.SaveRecordAsync(Pair("Customer", null, "CUST-L-1", SyncStatus.Pending), Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await db.Store.SaveRecordAsync(first with { CloudName = "CUST-C-9", Status = SyncStatus.Synced, LastSynced = Clock.GetUtcNow() }, Ct);

        updated.Id.ShouldBe(first.Id);
        updated.CreatedAt.ShouldBe(first.CreatedAt);
        updated.UpdatedAt.ShouldBe(first.CreatedAt + TimeSpan.FromMinutes(5));
        updated.CloudName.ShouldBe("CUST-C-9");
        (await db.Store.GetRecordAsync(first.Id, Ct)).ShouldBe(updated);
    }

    [Fact]
    public async Task FindRecordAsync_MappedNames_FindsThePairFromEitherSide()
    {
        var db = await OpenAsync();
        var pair = await db.Store.SaveRecordAsync(Pair("Sales Order", "SO-0001", "SO-0042"), Ct);
        await db.Store.SaveRecordAsync(Pair("Sales Order", "SO-0042", "SO-0001"), Ct);
        await db.Store.SaveRecordAsync(Pair("Quotation", "SO-0001", "SO-0042"), Ct);

        (await db.Store.FindRecordAsync("Sales Order", SiteName.Cloud, "SO-0001", Ct))!.Id.ShouldBe(pair.Id);
        (await db.Store.FindRecordAsync("Sales Order", SiteName.Local, "SO-0042", Ct))!.Id.ShouldBe(pair.Id);
        (await db.Store.FindRecordAsync("Sales Order", SiteName.Local, "SO-0001", Ct))!.CloudName.ShouldBe("SO-0042");
        (await db.Store.FindRecordAsync("Sales Order", SiteName.Cloud, "SO-9999", Ct)).ShouldBeNull();
        (await db.Store.FindRecordAsync("Delivery Note", SiteName.Cloud, "SO-0001", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task SaveRecordAsync_NameAlreadyMapped_IsRefusedWithClearErrorAndKeepsFirstPair()
    {
        var db = await OpenAsync();
        var first = await db.Store.SaveRecordAsync(Pair("Item", "ITEM-1", "ITEM-1"), Ct);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => db.Store.SaveRecordAsync(Pair("Item", "ITEM-1", "ITEM-2"), Ct));

        error.Message.ShouldContain("ITEM-1");
        error.Message.ShouldContain("Item");
        (await ToListAsync(db.Store.ListRecordsAsync("Item", Ct))).ShouldBe([first]);
    }

    [Fact]
    public async Task SaveRecordAsync_PairWithoutAnyName_IsRefused()
    {
        var db = await OpenAsync();

        var error = await Should.ThrowAsync<ArgumentException>(() => db.Store.SaveRecordAsync(Pair("Item", null, null), Ct));

        error.Message.ShouldContain("needs a cloud name, a local name or both");
    }

    [Fact]
    public async Task SaveRecordAsync_PairDeletedMeanwhile_ThrowsInsteadOfResurrectingIt()
    {
        var db = await OpenAsync();
        var pair = await db.Store.SaveRecordAsync(Pair("Item", "ITEM-1", "ITEM-1"), Ct);
        await db.Store.DeleteRecordsAsync("Item", null, Ct);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => db.Store.SaveRecordAsync(pair with { Status = SyncStatus.Error }, Ct));

        error.Message.ShouldContain("no longer exists");
        (await db.Store.GetRecordAsync(pair.Id, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ListRecordsAsync_MoreThanOnePage_StreamsEveryPairOfTheDocTypeInIdOrder()
    {
        var db = await OpenAsync();
        var saved = new List<SyncRecord>();
        for (var chunk = 0; chunk < 12; chunk++)
        {
            saved.AddRange(await Task.WhenAll(Enumerable.Range(chunk * 100, 100).Select(i =>
                db.Store.SaveRecordAsync(Pair(i % 10 == 0 ? "Supplier" : "Customer", $"C-{i:D5}", $"L-{i:D5}"), Ct))));
        }

        var customers = await ToListAsync(db.Store.ListRecordsAsync("Customer", Ct));

        customers.Count.ShouldBe(1080);
        customers.Select(r => r.Id).ShouldBe(saved.Where(r => r.DocType == "Customer").Select(r => r.Id).Order());
        customers.ShouldAllBe(r => r.DocType == "Customer");
    }

    [Fact]
    public async Task ListRecordsByStatusAsync_StatusAndOptionalDocType_ReturnsOnlyMatchingPairs()
    {
        var db = await OpenAsync();
        var customerError = await db.Store.SaveRecordAsync(Pair("Customer", "C-1", "C-1", SyncStatus.Error), Ct);
        await db.Store.SaveRecordAsync(Pair("Customer", "C-2", "C-2", SyncStatus.Synced), Ct);
        var itemError = await db.Store.SaveRecordAsync(Pair("Item", "I-1", "I-1", SyncStatus.Error), Ct);
        await db.Store.SaveRecordAsync(Pair("Item", "I-2", "I-2", SyncStatus.Failed), Ct);

        (await ToListAsync(db.Store.ListRecordsByStatusAsync(SyncStatus.Error, null, Ct))).ShouldBe([customerError, itemError]);
        (await ToListAsync(db.Store.ListRecordsByStatusAsync(SyncStatus.Error, "Item", Ct))).ShouldBe([itemError]);
        (await ToListAsync(db.Store.ListRecordsByStatusAsync(SyncStatus.Conflict, null, Ct))).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteRecordsAsync_OneDocumentThenDocTypeThenAll_RemovesOnlyWhatWasNamed()
    {
        var db = await OpenAsync();
        await db.Store.SaveRecordAsync(Pair("Customer", "C-1", "L-1"), Ct);
        var kept = await db.Store.SaveRecordAsync(Pair("Customer", "C-2", "L-2"), Ct);
        await db.Store.SaveRecordAsync(Pair("Item", "I-1", "I-1"), Ct);
        await db.Store.SaveRecordAsync(Pair("Item", "I-2", "I-2"), Ct);
        await db.Store.SaveRecordAsync(Pair("Supplier", "S-1", "S-1"), Ct);

        (await db.Store.DeleteRecordsAsync("Customer", "L-1", Ct)).ShouldBe(1);
        (await ToListAsync(db.Store.ListRecordsAsync("Customer", Ct))).ShouldBe([kept]);
        (await db.Store.DeleteRecordsAsync("Item", null, Ct)).ShouldBe(2);
        (await ToListAsync(db.Store.ListRecordsAsync("Item", Ct))).ShouldBeEmpty();
        (await db.Store.DeleteRecordsAsync(null, null, Ct)).ShouldBe(2);
        (await db.Store.GetStatusAsync(Ct)).RecordsByStatus.Values.Sum().ShouldBe(0);
    }

    [Fact]
    public async Task DeleteRecordsAsync_NameWithoutDocType_IsRefused()
    {
        var db = await OpenAsync();

        await Should.ThrowAsync<ArgumentException>(() => db.Store.DeleteRecordsAsync(null, "C-1", Ct));
    }

    [Fact]
    public async Task SaveRecordAsync_Docname_IsCloudNameWhenKnownElseLocalName()
    {
        var setting = await NewSettingAsync();
        var db = await OpenAsync(setting);
        var localOnly = await db.Store.SaveRecordAsync(Pair("Customer", null, "L-7"), Ct);
        await db.Store.SaveRecordAsync(Pair("Customer", "C-3", "L-3"), Ct);

        (await Target.ScalarAsync(setting, $"SELECT docname FROM sync_records WHERE id = {localOnly.Id}", Ct)).ShouldBe("L-7");
        (await Target.ScalarAsync(setting, "SELECT docname FROM sync_records WHERE local_name = 'L-3'", Ct)).ShouldBe("C-3");
        await db.Store.SaveRecordAsync(localOnly with { CloudName = "C-7" }, Ct);
        (await Target.ScalarAsync(setting, $"SELECT docname FROM sync_records WHERE id = {localOnly.Id}", Ct)).ShouldBe("C-7");
    }
}
