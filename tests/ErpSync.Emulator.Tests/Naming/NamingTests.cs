using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Time;

namespace ErpSync.Emulator.Tests.Naming;

public sealed class NamingTests(NamingTests.Fixture fixture) : IClassFixture<NamingTests.Fixture>
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 6, 0, 0, TimeSpan.Zero));

        protected override EmulatorOptions Options => new() { SeedErpNext = false, TimeProvider = Clock };
    }

    private EmulatedSite Site => fixture.Site;

    private JsonObject Insert(string doctype, string json)
    {
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(3.5));
        return Site.Backdoor.Insert(doctype, JsonNode.Parse(json)!.AsObject());
    }

    [Fact]
    public async Task NamingSeries_DeleteNewest_NumberIsReused()
    {
        var doctype = TestDocTypes.Define(Site, "Series Reuse", "naming_series:", ["naming_series:Select:RS-.YYYY.-.####", "title:Data"]);
        var first = Insert(doctype, """{"title": "a"}""")["name"]!.GetValue<string>();
        var second = Insert(doctype, """{"title": "b"}""")["name"]!.GetValue<string>();

        using var http = new SiteHttp(Site);
        (await http.DeleteAsync($"api/resource/Series%20Reuse/{second}")).Status.ShouldBe(202);
        var third = Insert(doctype, """{"title": "c"}""")["name"]!.GetValue<string>();

        first.ShouldBe("RS-2026-0001");
        second.ShouldBe("RS-2026-0002");
        third.ShouldBe("RS-2026-0002");
    }

    [Fact]
    public async Task NamingSeries_DeleteOlder_NumberIsNotReused()
    {
        var doctype = TestDocTypes.Define(Site, "Series Keep", "naming_series:", ["naming_series:Select:KP-.####", "title:Data"]);
        var first = Insert(doctype, """{"title": "a"}""")["name"]!.GetValue<string>();
        Insert(doctype, """{"title": "b"}""");

        using var http = new SiteHttp(Site);
        (await http.DeleteAsync($"api/resource/Series%20Keep/{first}")).Status.ShouldBe(202);

        Insert(doctype, """{"title": "c"}""")["name"]!.GetValue<string>().ShouldBe("KP-0003");
    }

    [Fact]
    public void NamingSeries_FailedInsert_CounterRolledBack()
    {
        var doctype = TestDocTypes.Define(Site, "Series Rollback", "naming_series:", ["naming_series:Select:RB-.###", "title:Data::reqd"]);
        Insert(doctype, """{"title": "a"}""");

        Should.Throw<EmulatorRequestException>(() => Insert(doctype, "{}")).Body.ShouldContain("[Series Rollback, RB-002]: title");

        Insert(doctype, """{"title": "b"}""")["name"]!.GetValue<string>().ShouldBe("RB-002");
    }

    [Fact]
    public void Hash_ClientNameIgnored_NewnameHonoured()
    {
        var doctype = TestDocTypes.Define(Site, "Hash Named", "hash", ["title:Data"]);

        var generated = Insert(doctype, """{"name": "chosen", "title": "x"}""")["name"]!.GetValue<string>();
        var chosen = Insert(doctype, """{"__newname": "my-name", "title": "x"}""")["name"]!.GetValue<string>();

        generated.ShouldMatch("^[0-9a-z]{10}$");
        chosen.ShouldBe("my-name");
    }

    [Fact]
    public void Prompt_ClientNameKept_MissingNameRefused()
    {
        var doctype = TestDocTypes.Define(Site, "Prompt Named", "Prompt", ["title:Data"]);

        var named = Insert(doctype, """{"name": "  Picked  ", "title": "x"}""")["name"]!.GetValue<string>();
        var error = Should.Throw<EmulatorRequestException>(() => Insert(doctype, """{"title": "x"}"""));

        named.ShouldBe("Picked");
        error.Status.ShouldBe(417);
        error.Body.ShouldContain("Please set the document name");
    }

    [Fact]
    public void Autoincrement_NamesAreNumbers()
    {
        var doctype = TestDocTypes.Define(Site, "Auto Numbered", "autoincrement", ["title:Data"]);

        var first = Insert(doctype, """{"name": "ignored", "title": "x"}""");
        var second = Insert(doctype, """{"title": "y"}""");

        first["name"]!.GetValue<long>().ShouldBe(1);
        second["name"]!.GetValue<long>().ShouldBe(2);
        Site.Backdoor.Get(doctype, "2")!["name"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public void FormatAutoname_BracesExpandedWithCounterPerPrefix()
    {
        var doctype = TestDocTypes.Define(Site, "Formatted", "format:INV-{YYYY}-{MM}-{region}-{####}", ["region:Data"]);

        var north = Insert(doctype, """{"region": "N"}""")["name"]!.GetValue<string>();
        var north2 = Insert(doctype, """{"region": "N"}""")["name"]!.GetValue<string>();
        var south = Insert(doctype, """{"region": "S"}""")["name"]!.GetValue<string>();

        north.ShouldBe("INV-2026-03-N-0001");
        north2.ShouldBe("INV-2026-03-N-0002");
        south.ShouldBe("INV-2026-03-S-0001");
    }

    [Fact]
    public void FieldAutoname_EmptyField_RefusedWithLabel()
    {
        var doctype = TestDocTypes.Define(Site, "Field Named", "field:code", ["code:Data"]);

        var error = Should.Throw<EmulatorRequestException>(() => Insert(doctype, """{"code": "  "}"""));

        error.Body.ShouldContain("Code is required");
    }

    [Fact]
    public void ValidateName_AngleBrackets_Refused409()
    {
        var doctype = TestDocTypes.Define(Site, "Angle Named", "field:code", ["code:Data"]);

        var error = Should.Throw<EmulatorRequestException>(() => Insert(doctype, """{"code": "a<b>"}"""));

        error.Status.ShouldBe(409);
        error.Body.ShouldContain("\"exc_type\":\"NameError\"");
    }

    [Fact]
    public void Amendment_OfAmendment_BumpsSuffixOnRoot()
    {
        var doctype = TestDocTypes.Define(Site, "Amendable", "naming_series:", ["naming_series:Select:AM-.####", "title:Data"], submittable: true);
        var original = Insert(doctype, """{"title": "v0"}""")["name"]!.GetValue<string>();
        Site.Backdoor.Submit(doctype, original);
        Site.Backdoor.Cancel(doctype, original);

        var first = Insert(doctype, $$"""{"title": "v1", "amended_from": "{{original}}"}""")["name"]!.GetValue<string>();
        Site.Backdoor.Submit(doctype, first);
        Site.Backdoor.Cancel(doctype, first);
        var second = Insert(doctype, $$"""{"title": "v2", "amended_from": "{{first}}"}""")["name"]!.GetValue<string>();

        first.ShouldBe(original + "-1");
        second.ShouldBe(original + "-2");
    }
}
