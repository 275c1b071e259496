using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Tests.Transcripts;

namespace ErpSync.Frappe.Tests.Listing;

/// <summary>Paging logic against a scripted site that answers list requests from an in-memory table.</summary>
public sealed class DocumentListerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_MoreRowsThanPage_PagesByOffsetWithRequestedOrderAndFilters()
    {
        var table = Rows(7);
        var handler = new ScriptedHandler().Always(r => Answer(table, r));
        using var client = TestSites.Client(handler);
        var query = new ListQuery("Sync Customer")
        {
            Fields = ["name", "modified"],
            Filters = [new ListFilter("customer_group", "in", new[] { "Retail", "Commercial" })],
            OrFilters = [new ListFilter("territory", "=", "UK"), new ListFilter("territory", "=", "India")],
            PageSize = 3,
        };

        var names = await client.ListAsync(query, Ct).Select(r => r["name"]!.GetValue<string>()).ToListAsync(Ct);

        names.ShouldBe(table.Select(r => r["name"]!.GetValue<string>()));
        handler.Requests.Count.ShouldBe(3);
        var first = handler.Requests.First();
        first.Target.ShouldStartWith("/api/resource/Sync%20Customer?fields=");
        first.Query("fields").ShouldBe("""["name","modified"]""");
        first.Query("filters").ShouldBe("""[["customer_group","in",["Retail","Commercial"]]]""");
        first.Query("or_filters").ShouldBe("""[["territory","=","UK"],["territory","=","India"]]""");
        first.Query("order_by").ShouldBe("modified asc, name asc");
        handler.Requests.Select(r => r.Query("limit_start")).ShouldBe(["0", "3", "6"]);
        handler.Requests.ShouldAllBe(r => r.Query("limit_page_length") == "3");
    }

    [Fact]
    public async Task ListAsync_Limit_StopsAfterLimitWithShortLastPage()
    {
        var handler = new ScriptedHandler().Always(r => Answer(Rows(10), r));
        using var client = TestSites.Client(handler);

        var rows = await client.ListAsync(new ListQuery("Sync Customer") { PageSize = 4, Limit = 6 }, Ct).ToListAsync(Ct);

        rows.Count.ShouldBe(6);
        handler.Requests.Select(r => r.Query("limit_page_length")).ShouldBe(["4", "2"]);
    }

    [Fact]
    public async Task ListModifiedSinceAsync_CursorInsideTie_SkipsRowsAtOrBeforeCursorAndKeepsLaterTies()
    {
        var table = new List<JsonObject>
        {
            Row("A", "2026-11-22 04:27:01.000001"),
            Row("B", "2026-11-22 04:27:02"),
            Row("C", "2026-11-22 04:27:02"),
            Row("D", "2026-11-22 04:27:02.000000"),
            Row("E", "2026-11-22 04:27:03.5"),
        };
        var handler = new ScriptedHandler().Always(r => Answer(table, r));
        using var client = TestSites.Client(handler);

        var stamps = await client.ListModifiedSinceAsync("Sync Customer", new DocCursor("2026-11-22 04:27:02", "C"), Ct).ToListAsync(Ct);

        stamps.ShouldBe([new DocStamp("D", "2026-11-22 04:27:02.000000"), new DocStamp("E", "2026-11-22 04:27:03.5")]);
        handler.Requests.First().Query("filters").ShouldBe("""[["modified",">=","2026-11-22 04:27:02"]]""");
        handler.Requests.First().Query("fields").ShouldBe("""["name","modified"]""");
    }

    [Fact]
    public async Task ListModifiedSinceAsync_CursorRowChangedMeanwhile_ReturnsItsTiesAgainRatherThanLosingThem()
    {
        var table = new List<JsonObject> { Row("B", "2026-11-22 04:27:02"), Row("D", "2026-11-22 04:27:02"), Row("C", "2026-11-22 04:30:00") };
        using var client = TestSites.Client(new ScriptedHandler().Always(r => Answer(table, r)));

        var names = await client.ListModifiedSinceAsync("Sync Customer", new DocCursor("2026-11-22 04:27:02", "C"), Ct).Select(s => s.Name).ToListAsync(Ct);

        names.ShouldBe(["B", "D", "C"]);
    }

    [Fact]
    public async Task ListStampsAsync_ManyPages_KeysetPagingVisitsEveryRowOnce()
    {
        var table = Rows(23);
        var handler = new ScriptedHandler().Always(r => Answer(table, r));
        using var client = TestSites.Client(handler, TestSites.Options() with { PageSize = 5 });

        var names = await client.ListStampsAsync("Sync Customer", Ct).Select(s => s.Name).ToListAsync(Ct);

        names.ShouldBe(table.Select(r => r["name"]!.GetValue<string>()));
        handler.Requests.ShouldAllBe(r => r.Query("limit_start") == "0");
        handler.Requests.Skip(1).First().Query("filters").ShouldBe($$"""[["modified",">=","{{table[4]["modified"]}}"]]""");
    }

    [Fact]
    public async Task ListStampsAsync_RowChangedWhileStreaming_NoRowIsSkipped()
    {
        var table = Rows(6);
        var requests = 0;
        var handler = new ScriptedHandler().Always(r =>
        {
            if (++requests == 2)
            {
                // Between pages, A is edited: it moves to the end. Offset paging would now skip a row.
                var a = table[0];
                table.RemoveAt(0);
                a["modified"] = "2026-12-31 00:00:00";
                table.Add(a);
            }

            return Answer(table, r);
        });
        using var client = TestSites.Client(handler, TestSites.Options() with { PageSize = 2 });

        var names = await client.ListStampsAsync("Sync Customer", Ct).Select(s => s.Name).ToListAsync(Ct);

        names.Distinct().Order().ShouldBe(table.Select(r => r["name"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task ListStampsAsync_TieLargerThanPage_StepsByOffsetInsideTheTie()
    {
        var table = Enumerable.Range(0, 7).Select(i => Row($"N{i}", "2026-11-22 04:27:02")).Append(Row("Z", "2026-11-22 05:00:00")).ToList();
        var handler = new ScriptedHandler().Always(r => Answer(table, r));
        using var client = TestSites.Client(handler, TestSites.Options() with { PageSize = 3 });

        var names = await client.ListStampsAsync("Sync Customer", Ct).Select(s => s.Name).ToListAsync(Ct);

        names.Distinct().Count().ShouldBe(8);
        names.ShouldBe(["N0", "N1", "N2", "N3", "N4", "N5", "N6", "Z"]);
        handler.Requests.Count.ShouldBeLessThan(8);
    }

    private static List<JsonObject> Rows(int count) => Enumerable.Range(0, count)
        .Select(i => Row($"Customer {i:D3}", new DateTime(2026, 11, 22, 4, 0, 0).AddSeconds(i).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)))
        .ToList();

    private static JsonObject Row(string name, string modified) => new() { ["name"] = name, ["modified"] = modified };

    // A tiny list endpoint: ">=" on modified, order by (modified, name), limit_start/limit_page_length.
    private static HttpResponseMessage Answer(List<JsonObject> table, RecordedRequest request)
    {
        IEnumerable<JsonObject> rows = table.OrderBy(r => DateTime.Parse(r["modified"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ThenBy(r => r["name"]!.GetValue<string>(), StringComparer.Ordinal);
        var filters = JsonNode.Parse(request.Query("filters") ?? "[]")!.AsArray();
        foreach (var filter in filters.Select(f => f!.AsArray()).Where(f => (string?)f[0] == "modified"))
        {
            var bound = DateTime.Parse(filter[2]!.GetValue<string>(), CultureInfo.InvariantCulture);
            rows = rows.Where(r => DateTime.Parse(r["modified"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= bound);
        }

        var page = rows.Skip(int.Parse(request.Query("limit_start")!, CultureInfo.InvariantCulture))
            .Take(int.Parse(request.Query("limit_page_length")!, CultureInfo.InvariantCulture))
            .Select(r => r.DeepClone())
            .ToArray();
        return ScriptedHandler.Response(200, new JsonObject { ["data"] = new JsonArray(page) }.ToJsonString());
    }
}
