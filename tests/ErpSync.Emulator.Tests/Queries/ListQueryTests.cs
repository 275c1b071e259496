using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Queries;

public sealed class ListQueryTests(ListQueryTests.Fixture fixture) : IClassFixture<ListQueryTests.Fixture>
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        protected override EmulatorOptions Options => new() { SeedErpNext = false };

        public async ValueTask SeedAsync()
        {
            if (Site.Backdoor.Exists("DocType", "Query Part"))
                return;
            TestDocTypes.Define(Site, "Query Part", "", ["part:Data", "qty:Float"], istable: true);
            TestDocTypes.Define(Site, "Query Thing", "field:title",
                ["title:Data", "kind:Select:\nA\nB", "amount:Currency", "count:Int", "flag:Check", "due:Date", "note:Data", "parts:Table:Query Part"]);
            var rows = new[]
            {
                """{"title": "alpha", "kind": "A", "amount": 10, "count": 1, "flag": 1, "due": "2026-01-05", "note": "x", "parts": [{"part": "P1", "qty": 1}]}""",
                """{"title": "Bravo", "kind": "B", "amount": 20.5, "count": 2, "flag": 0, "due": "2026-02-10", "parts": [{"part": "P2", "qty": 2}, {"part": "P1", "qty": 3}]}""",
                """{"title": "charlie", "kind": "A", "amount": 0, "flag": 0, "due": "2026-03-15", "note": ""}""",
                """{"title": "_under", "kind": "B", "amount": 5, "count": 4, "flag": 1, "note": "y"}""",
            };
            foreach (var row in rows)
                Site.Backdoor.Insert("Query Thing", JsonNode.Parse(row)!.AsObject());
            await Task.CompletedTask;
        }
    }

    private async Task<IReadOnlyList<string>> NamesAsync(string filters, string? orderBy = "name asc", string field = "filters")
    {
        await fixture.SeedAsync();
        return fixture.Site.Backdoor.Query("Query Thing", "[\"name\"]", field == "filters" ? filters : null, orderBy)
            .Select(r => r["name"]!.GetValue<string>()).ToList();
    }

    [Theory]
    [InlineData("""[["kind", "=", "A"]]""", "alpha,charlie")]
    [InlineData("""{"kind": "B"}""", "_under,Bravo")]
    [InlineData("""[["note", "!=", "x"]]""", "_under,Bravo,charlie")]
    [InlineData("""[["note", "=", ""]]""", "Bravo,charlie")]
    [InlineData("""[["title", "like", "%RAV%"]]""", "Bravo")]
    [InlineData("""[["title", "not like", "%a%"]]""", "_under")]
    [InlineData("""[["kind", "in", ["B"]]]""", "_under,Bravo")]
    [InlineData("""[["title", "in", "alpha, charlie"]]""", "alpha,charlie")]
    [InlineData("""[["kind", "not in", ["A"]]]""", "_under,Bravo")]
    [InlineData("""[["note", "is", "set"]]""", "_under,alpha")]
    [InlineData("""[["count", "is", "not set"]]""", "charlie")]
    [InlineData("""[["amount", ">=", 10]]""", "alpha,Bravo")]
    [InlineData("""[["amount", "<", "6"]]""", "_under,charlie")]
    [InlineData("""[["flag", "=", 1]]""", "_under,alpha")]
    [InlineData("""[["due", "between", ["2026-01-01", "2026-02-28"]]]""", "alpha,Bravo")]
    [InlineData("""[["due", ">", "2026-02-10"]]""", "charlie")]
    [InlineData("""[["Query Thing", "kind", "=", "A"], ["amount", ">", 5]]""", "alpha")]
    [InlineData("""[["Query Part", "part", "=", "P1"]]""", "alpha,Bravo")]
    [InlineData("""{"kind": ["!=", "A"]}""", "_under,Bravo")]
    public async Task Filter_Operator_MatchesFrappeSemantics(string filters, string expected) =>
        string.Join(",", await NamesAsync(filters)).ShouldBe(expected);

    [Fact]
    public async Task OrderBy_Text_CollatesCaseInsensitiveWithPunctuationFirst() =>
        (await NamesAsync("[]", "title asc")).ShouldBe(["_under", "alpha", "Bravo", "charlie"]);

    [Fact]
    public async Task OrderBy_Absent_ReturnsInsertionOrder() =>
        (await NamesAsync("[]", orderBy: null)).ShouldBe(["alpha", "Bravo", "charlie", "_under"]);

    [Fact]
    public async Task OrderBy_SeveralKeys_AppliesInTurn() =>
        (await NamesAsync("[]", "kind desc, amount desc")).ShouldBe(["Bravo", "_under", "alpha", "charlie"]);

    [Fact]
    public async Task Filter_ModifiedIsoT_ComparesAsDatetime()
    {
        await fixture.SeedAsync();
        var all = fixture.Site.Backdoor.Query("Query Thing", "[\"name\", \"modified\"]", null, "modified asc");
        var second = all[1]["modified"]!.GetValue<string>().Replace(' ', 'T');

        var after = fixture.Site.Backdoor.Query("Query Thing", "[\"name\"]", $$"""[["modified", ">", "{{second}}"]]""", "modified asc");

        after.Select(r => r["name"]!.GetValue<string>()).ShouldBe(all.Skip(2).Select(r => r["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_PagingAndChildColumns_OverHttp()
    {
        await fixture.SeedAsync();
        using var http = new SiteHttp(fixture.Site);

        var page = await http.GetAsync("api/resource/Query%20Thing?fields=%5B%22name%22%5D&order_by=name%20asc&limit_start=1&limit_page_length=2");
        var joined = await http.GetAsync("api/resource/Query%20Thing?fields=%5B%22name%22,%22%60tabQuery%20Part%60.part%22%5D&filters=%5B%5B%22name%22,%22=%22,%22Bravo%22%5D%5D&order_by=name%20asc");
        var all = await http.GetAsync("api/resource/Query%20Thing?limit_page_length=0");
        var arrays = await http.GetAsync("api/resource/Query%20Thing?fields=%5B%22name%22,%22amount%22%5D&as_dict=0&order_by=name%20asc&limit=1");

        page.Json!["data"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ShouldBe(["alpha", "Bravo"]);
        joined.Json!["data"]!.AsArray().Select(r => r!["part"]!.GetValue<string>()).ShouldBe(["P2", "P1"]);
        all.Json!["data"]!.AsArray().Count.ShouldBe(4);
        arrays.Json!["data"]!.ToJsonString().ShouldBe("""[["_under",5.0]]""");
    }

    [Theory]
    [InlineData("amount desc")]
    [InlineData("amount asc")]
    [InlineData("due desc, name asc")]
    [InlineData("kind asc, amount desc")]
    [InlineData("flag desc")]
    public async Task List_ShortPageOfALongerList_IsTheFullOrdersHead(string orderBy)
    {
        await fixture.SeedAsync();
        using var http = new SiteHttp(fixture.Site);
        var order = Uri.EscapeDataString(orderBy);

        var full = await http.GetAsync($"api/resource/Query%20Thing?fields=%5B%22name%22%5D&order_by={order}&limit_page_length=0");
        var head = await http.GetAsync($"api/resource/Query%20Thing?fields=%5B%22name%22%5D&order_by={order}&limit_page_length=1");

        var expected = full.Json!["data"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Take(1).ToList();
        head.Json!["data"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ShouldBe(expected);
    }

    [Fact]
    public async Task List_StarFields_IncludeNullColumns()
    {
        await fixture.SeedAsync();

        var row = fixture.Site.Backdoor.Query("Query Thing", "[\"*\"]", """[["name", "=", "charlie"]]""").Single();

        row.ContainsKey("count").ShouldBeTrue();
        row["count"].ShouldBeNull();
        row["amount"]!.ToJsonString().ShouldBe("0.0");
        row.ContainsKey("_liked_by").ShouldBeTrue();
    }

    [Fact]
    public async Task List_CountAggregate_SingleRow()
    {
        await fixture.SeedAsync();

        var row = fixture.Site.Backdoor.Query("Query Thing", "[\"count(name) as total\", \"sum(amount) as amount\"]", """{"flag": 1}""").Single();

        row["total"]!.GetValue<long>().ShouldBe(2);
        row["amount"]!.GetValue<double>().ShouldBe(15.0);
    }

    [Fact]
    public async Task List_UnknownFilterField_DataError()
    {
        await fixture.SeedAsync();
        using var http = new SiteHttp(fixture.Site);

        var response = await http.GetAsync("api/resource/Query%20Thing?filters=%5B%5B%22nope%22,%22=%22,1%5D%5D");

        response.Status.ShouldBe(417);
        response.Json!["exc_type"]!.GetValue<string>().ShouldBe("DataError");
    }

    [Fact]
    public async Task List_UnknownOrderField_SqlError500()
    {
        await fixture.SeedAsync();
        using var http = new SiteHttp(fixture.Site);

        var response = await http.GetAsync("api/resource/Query%20Thing?order_by=nope%20desc");

        response.Status.ShouldBe(500);
        response.Json!["exception"]!.GetValue<string>().ShouldContain("Unknown column 'nope'");
    }

    [Fact]
    public async Task GetCount_WithFilters_CountsDocuments()
    {
        await fixture.SeedAsync();
        using var http = new SiteHttp(fixture.Site);

        var response = await http.GetAsync("api/method/frappe.client.get_count?doctype=Query%20Thing&filters=%7B%22kind%22:%22A%22%7D");

        response.Json!["message"]!.GetValue<long>().ShouldBe(2);
    }
}
