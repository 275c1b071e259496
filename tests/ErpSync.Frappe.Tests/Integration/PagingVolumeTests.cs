using System.Diagnostics;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Listing;

namespace ErpSync.Frappe.Tests.Integration;

/// <summary>The volume tests run alone so that memory readings are not disturbed by other test classes.</summary>
[CollectionDefinition(nameof(PagingVolumeCollection), DisableParallelization = true)]
public sealed class PagingVolumeCollection;

/// <summary>10,000 documents streamed from an emulated site over real HTTP with constant memory.</summary>
[Collection(nameof(PagingVolumeCollection))]
public sealed class PagingVolumeTests : IClassFixture<EmulatorFixture>
{
    private const int Documents = 10_000;
    private const int PageSize = 1_000;
    private static readonly string Content = new('x', 1024);
    private readonly EmulatorFixture _fixture;

    public PagingVolumeTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        lock (fixture)
        {
            // Seeded in-process through the backdoor: 10,000 HTTP inserts would test the emulator, not paging.
            for (var i = fixture.Site.Backdoor.Count("Sync Note"); i < Documents; i++)
                fixture.Site.Backdoor.Insert("Sync Note", new JsonObject { ["title"] = $"note {i:D5}", ["content"] = Content });
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_TenThousandDocuments_StreamsInOrderHoldingOnePageAtATime()
    {
        using var client = _fixture.Client(_fixture.Options() with { PageSize = PageSize });
        var query = new ListQuery("Sync Note") { Fields = ["*"] };
        // A first pass lets the site (in this process) settle its own caches, so the readings below are the client's.
        (await client.ListAsync(query, Ct).CountAsync(Ct)).ShouldBe(Documents);
        var pages = new List<int>();
        client.Lister.PageLoaded = pages.Add;
        var firstPageRows = new List<WeakReference>();
        var retained = new List<long>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? previousModified = null, previousName = null;

        await foreach (var row in client.ListAsync(query, Ct))
        {
            var name = row["name"]!.GetValue<string>();
            var modified = row["modified"]!.GetValue<string>();
            names.Add(name).ShouldBeTrue($"{name} was delivered twice");
            if (previousModified is not null)
            {
                var order = FrappeTimestamp.Compare(previousModified, modified);
                (order < 0 || (order == 0 && string.CompareOrdinal(previousName, name) < 0)).ShouldBeTrue($"{previousModified}/{previousName} came before {modified}/{name}");
            }

            (previousModified, previousName) = (modified, name);
            row["content"]!.GetValue<string>().Length.ShouldBe(Content.Length);
            if (names.Count <= PageSize)
                firstPageRows.Add(new WeakReference(row));
            if (names.Count % 1_000 == 0)
                retained.Add(Retained());
        }

        names.Count.ShouldBe(Documents);
        pages.Count.ShouldBe(Documents / PageSize + 1); // the last, empty page ends the stream
        pages.Max().ShouldBe(PageSize);
        GC.Collect();
        firstPageRows.Count(w => w.IsAlive).ShouldBe(0, "rows already handed out must not be kept by the client");
        var growth = retained.Max() - retained[0];
        TestContext.Current.TestOutputHelper?.WriteLine($"retained bytes every 1,000 rows: {string.Join(", ", retained)}; growth {growth}");
        // Holding the 10,000 rows (1 KB of content each) would retain well over 10 MB; one page is about 1.3 MB.
        growth.ShouldBeLessThan(4 * 1024 * 1024);
    }

    [Fact]
    public async Task ListStampsAsync_TenThousandDocuments_KeysetPagingReturnsEachOnceInOrder()
    {
        using var client = _fixture.Client(_fixture.Options() with { PageSize = PageSize });
        var watch = Stopwatch.StartNew();

        var stamps = await client.ListStampsAsync("Sync Note", Ct).ToListAsync(Ct);

        stamps.Count.ShouldBe(Documents);
        stamps.Select(s => s.Name).Distinct().Count().ShouldBe(Documents);
        stamps.Zip(stamps.Skip(1)).ShouldAllBe(p => FrappeTimestamp.Compare(p.First.Modified, p.Second.Modified) <= 0);
        TestContext.Current.TestOutputHelper?.WriteLine($"10,000 stamps in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task ListStampsAsync_StampPageSizeSet_PagesByItWhileOtherListsKeepPageSize()
    {
        using var client = _fixture.Client(_fixture.Options() with { PageSize = 100, StampPageSize = 2_500 });
        var pages = new List<int>();
        client.Lister.PageLoaded = pages.Add;

        var stamps = await client.ListStampsAsync("Sync Note", Ct).ToListAsync(Ct);
        var stampPages = pages.ToList();
        pages.Clear();
        var rows = await client.ListAsync(new ListQuery("Sync Note") { Limit = 250 }, Ct).CountAsync(Ct);

        stamps.Select(s => s.Name).Distinct().Count().ShouldBe(Documents);
        stampPages.Max().ShouldBe(2_500);
        stampPages.Count.ShouldBeLessThanOrEqualTo(Documents / 2_500 + 2); // keyset pages overlap by the cursor row
        rows.ShouldBe(250);
        pages.ShouldBe([100, 100, 50]);
    }

    private static long Retained()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
