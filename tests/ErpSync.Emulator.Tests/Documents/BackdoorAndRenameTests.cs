using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Documents;

public sealed class BackdoorAndRenameTests(BackdoorAndRenameTests.Fixture fixture) : IClassFixture<BackdoorAndRenameTests.Fixture>
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        protected override EmulatorOptions Options => new() { SeedErpNext = false };
    }

    private EmulatedSite Site => fixture.Site;

    private string Party() => TestDocTypes.Define(Site, "Party", "field:title", ["title:Data", "city:Data"]);

    private string Deal()
    {
        Party();
        TestDocTypes.Define(Site, "Deal Line", "", ["party:Link:Party"], istable: true);
        return TestDocTypes.Define(Site, "Deal", "hash", ["party:Link:Party", "lines:Table:Deal Line"]);
    }

    private int DeletedRows(string name) => Site.Backdoor.Query("Deleted Document", "[\"name\"]", $$"""{"deleted_name": "{{name}}"}""").Count;

    [Fact]
    public void DeleteSilently_NoDeletedDocumentUnlessAsked()
    {
        Site.Backdoor.Insert(Party(), new JsonObject { ["title"] = "gone-quietly" });
        Site.Backdoor.Insert(Party(), new JsonObject { ["title"] = "gone-recorded" });

        Site.Backdoor.DeleteSilently(Party(), "gone-quietly").ShouldBeTrue();
        Site.Backdoor.DeleteSilently(Party(), "gone-recorded", recordDeletedDocument: true).ShouldBeTrue();

        Site.Backdoor.DeleteSilently(Party(), "gone-quietly").ShouldBeFalse();
        DeletedRows("gone-quietly").ShouldBe(0);
        DeletedRows("gone-recorded").ShouldBe(1);
    }

    [Fact]
    public void Update_AsOtherUser_StampsModifiedBy()
    {
        Site.Backdoor.Insert(Party(), new JsonObject { ["title"] = "edited" });

        var updated = Site.Backdoor.Update(Party(), "edited", new JsonObject { ["city"] = "Pune" }, user: "someone@example.com");

        updated["modified_by"]!.GetValue<string>().ShouldBe("someone@example.com");
        updated["owner"]!.GetValue<string>().ShouldBe("Administrator");
    }

    [Fact]
    public void Rename_LinksInDocumentsAndRowsRewrittenWithoutModifiedChange()
    {
        var deal = Deal();
        Site.Backdoor.Insert(Party(), new JsonObject { ["title"] = "Old Party" });
        var created = Site.Backdoor.Insert(deal, JsonNode.Parse("""{"party": "Old Party", "lines": [{"party": "Old Party"}]}""")!.AsObject());
        var name = created["name"]!.GetValue<string>();
        var modifiedBefore = Site.Backdoor.Get(deal, name)!["modified"]!.GetValue<string>();

        Site.Backdoor.Rename(Party(), "Old Party", "Renamed Party").ShouldBe("Renamed Party");

        var after = Site.Backdoor.Get(deal, name)!;
        after["party"]!.GetValue<string>().ShouldBe("Renamed Party");
        after["lines"]![0]!["party"]!.GetValue<string>().ShouldBe("Renamed Party");
        after["modified"]!.GetValue<string>().ShouldBe(modifiedBefore);
        Site.Backdoor.Get(Party(), "Renamed Party")!["title"]!.GetValue<string>().ShouldBe("Renamed Party");
        Site.Backdoor.Exists(Party(), "Old Party").ShouldBeFalse();
        DeletedRows("Old Party").ShouldBe(0);
    }

    [Fact]
    public async Task RenameMerge_OldDeletedLinksPointToTarget()
    {
        var deal = Deal();
        Site.Backdoor.Insert(Party(), new JsonObject { ["title"] = "Merge From" });
        Site.Backdoor.Insert(Party(), new JsonObject { ["title"] = "Merge Into" });
        var name = Site.Backdoor.Insert(deal, new JsonObject { ["party"] = "Merge From" })["name"]!.GetValue<string>();
        using var http = new SiteHttp(Site);

        var response = await http.PostAsync("api/method/frappe.client.rename_doc",
            """{"doctype": "Party", "old_name": "Merge From", "new_name": "Merge Into", "merge": 1}""");

        response.Json!["message"]!.GetValue<string>().ShouldBe("Merge Into");
        Site.Backdoor.Get(deal, name)!["party"]!.GetValue<string>().ShouldBe("Merge Into");
        Site.Backdoor.Exists(Party(), "Merge From").ShouldBeFalse();
        DeletedRows("Merge From").ShouldBe(1);
    }

    [Fact]
    public async Task PutChildRows_ForeignRowMovedUnknownRowDropped()
    {
        var deal = Deal();
        Site.Backdoor.Insert(Party(), new JsonObject { ["title"] = "Row Party" });
        var first = Site.Backdoor.Insert(deal, JsonNode.Parse("""{"lines": [{"party": "Row Party"}, {"party": "Row Party"}]}""")!.AsObject());
        var second = Site.Backdoor.Insert(deal, JsonNode.Parse("""{"lines": []}""")!.AsObject());
        var firstName = first["name"]!.GetValue<string>();
        var stolen = first["lines"]![0]!["name"]!.GetValue<string>();
        using var http = new SiteHttp(Site);

        var response = await http.PutAsync($"api/resource/Deal/{second["name"]!.GetValue<string>()}",
            $$"""{"lines": [{"name": "{{stolen}}", "party": "Row Party"}, {"name": "no-such-row", "party": "Row Party"}]}""");

        response.Data["lines"]!.AsArray().Count.ShouldBe(2);
        Site.Backdoor.Get(deal, second["name"]!.GetValue<string>())!["lines"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ShouldBe([stolen]);
        Site.Backdoor.Get(deal, firstName)!["lines"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public void Rename_DocTypeWithoutAllowRename_Refused()
    {
        Site.Backdoor.Update("DocType", Party(), new JsonObject { ["allow_rename"] = 0 });
        try
        {
            Site.Backdoor.Insert(Party(), new JsonObject { ["title"] = "Fixed Name" });

            Should.Throw<EmulatorRequestException>(() => Site.Backdoor.Rename(Party(), "Fixed Name", "Other")).Body.ShouldContain("Party not allowed to be renamed");
        }
        finally
        {
            Site.Backdoor.Update("DocType", Party(), new JsonObject { ["allow_rename"] = 1 });
        }
    }
}
