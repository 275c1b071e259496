using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Concurrency;

public sealed class ConcurrencyTests(ConcurrencyTests.Fixture fixture) : IClassFixture<ConcurrencyTests.Fixture>
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        protected override EmulatorOptions Options => new() { SeedErpNext = false };
    }

    private EmulatedSite Site => fixture.Site;

    [Fact]
    public async Task ParallelPuts_SameModified_ExactlyOneWins()
    {
        TestDocTypes.Define(Site, "Contended", "field:title", ["title:Data", "writer:Data"]);
        var modified = Site.Backdoor.Insert("Contended", new JsonObject { ["title"] = "hot" })["modified"]!.GetValue<string>();
        using var http = new SiteHttp(Site);

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            http.PutAsync("api/resource/Contended/hot", new JsonObject { ["writer"] = $"w{i}", ["modified"] = modified }.ToJsonString()))));

        var winners = responses.Where(r => r.Status == 200).ToList();
        winners.Count.ShouldBe(1);
        responses.Where(r => r.Status != 200).ShouldAllBe(r => r.Status == 417 && r.Json!["exc_type"]!.GetValue<string>() == "TimestampMismatchError");
        Site.Backdoor.Get("Contended", "hot")!["writer"]!.GetValue<string>().ShouldBe(winners[0].Data["writer"]!.GetValue<string>());
    }

    [Fact]
    public async Task ParallelInserts_NamingSeries_UniqueConsecutiveNames()
    {
        TestDocTypes.Define(Site, "Numbered Rush", "naming_series:", ["naming_series:Select:NR-.#####", "title:Data"]);
        using var http = new SiteHttp(Site);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            http.PostAsync("api/resource/Numbered%20Rush", new JsonObject { ["title"] = $"t{i}" }.ToJsonString()))));

        responses.ShouldAllBe(r => r.Status == 200);
        responses.Select(r => r.Data["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(1, 40).Select(n => $"NR-{n:00000}"));
    }

    [Fact]
    public async Task ParallelReadsAndWrites_ReadersSeeWholeDocuments()
    {
        TestDocTypes.Define(Site, "Torn Row", "", ["value:Int"], istable: true);
        TestDocTypes.Define(Site, "Torn", "field:title", ["title:Data", "total:Int", "rows:Table:Torn Row"]);
        Site.Backdoor.Insert("Torn", JsonNode.Parse("""{"title": "t", "total": 0, "rows": []}""")!.AsObject());
        using var http = new SiteHttp(Site);

        var writers = Enumerable.Range(1, 15).Select(n => Task.Run(() =>
            http.PutAsync("api/resource/Torn/t", new JsonObject { ["total"] = n, ["rows"] = new JsonArray(Enumerable.Range(0, n).Select(_ => (JsonNode)new JsonObject { ["value"] = 1 }).ToArray()) }.ToJsonString())));
        var readers = Enumerable.Range(0, 30).Select(_ => Task.Run(() => http.GetAsync("api/resource/Torn/t")));
        var reads = await Task.WhenAll(readers);
        await Task.WhenAll(writers);

        // Each snapshot is one committed version: the row count always equals the total written with it.
        reads.ShouldAllBe(r => r.Status == 200 && r.Data["rows"]!.AsArray().Count == r.Data["total"]!.GetValue<int>());
    }
}
