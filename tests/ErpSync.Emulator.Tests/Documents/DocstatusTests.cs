using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Documents;

public sealed class DocstatusTests(DocstatusTests.Fixture fixture) : IClassFixture<DocstatusTests.Fixture>
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        protected override EmulatorOptions Options => new() { SeedErpNext = false };
    }

    private EmulatedSite Site => fixture.Site;

    private string Order()
    {
        TestDocTypes.Define(Site, "Life Row", "", ["item:Data", "qty:Float", "remark:Data::allow_on_submit"], istable: true);
        return TestDocTypes.Define(Site, "Life Order", "naming_series:",
            ["naming_series:Select:LO-.####", "title:Data", "total:Currency", "notes:Small Text::allow_on_submit", "rows:Table:Life Row", "parent_order:Link:Life Order"],
            submittable: true);
    }

    private string NewOrder(int docstatus = 0) =>
        Site.Backdoor.Insert(Order(), JsonNode.Parse($$"""{"title": "t", "total": 5, "docstatus": {{docstatus}}, "rows": [{"item": "a", "qty": 1}]}""")!.AsObject())["name"]!.GetValue<string>();

    private async Task<SiteResponse> PutAsync(string name, string json)
    {
        using var http = new SiteHttp(Site);
        return await http.PutAsync($"api/resource/Life%20Order/{name}", json);
    }

    [Fact]
    public void Insert_WithDocstatusOne_InsertsSubmitted() =>
        Site.Backdoor.Get(Order(), NewOrder(docstatus: 1))!["docstatus"]!.GetValue<int>().ShouldBe(1);

    [Fact]
    public async Task Put_DraftToCancelled_DocstatusTransitionErrorWithoutExcType()
    {
        var response = await PutAsync(NewOrder(), """{"docstatus": 2}""");

        response.Status.ShouldBe(417);
        response.Json!.AsObject().ContainsKey("exc_type").ShouldBeFalse();
        response.Json!["exception"]!.GetValue<string>().ShouldBe("frappe.exceptions.DocstatusTransitionError: Cannot change docstatus from 0 (Draft) to 2 (Cancelled)");
    }

    [Fact]
    public async Task Put_SubmittedRowFieldChanged_UpdateAfterSubmitNamesRow()
    {
        var name = NewOrder(docstatus: 1);
        var rowName = Site.Backdoor.Get(Order(), name)!["rows"]![0]!["name"]!.GetValue<string>();

        var changedRow = await PutAsync(name, $$"""{"rows": [{"name": "{{rowName}}", "item": "a", "qty": 3}]}""");
        var remark = await PutAsync(name, $$"""{"rows": [{"name": "{{rowName}}", "item": "a", "qty": 1, "remark": "fine"}], "notes": "ok"}""");

        changedRow.Status.ShouldBe(417);
        changedRow.ServerMessages.ShouldBe(["Row #1: Not allowed to change <strong>Qty</strong> after submission from <strong>1.0</strong> to <strong>3.0</strong>"]);
        remark.Status.ShouldBe(200);
        remark.Data["notes"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public async Task Put_CancelledDocument_CannotEdit()
    {
        var name = NewOrder(docstatus: 1);
        Site.Backdoor.Cancel(Order(), name);

        var response = await PutAsync(name, """{"notes": "late"}""");

        response.Status.ShouldBe(417);
        response.Json!["exception"]!.GetValue<string>().ShouldBe("frappe.exceptions.ValidationError: Cannot edit cancelled document");
    }

    [Fact]
    public async Task Delete_DraftReferencedByDraft_LinkExistsError()
    {
        var target = NewOrder();
        Site.Backdoor.Insert(Order(), JsonNode.Parse($$"""{"title": "child", "parent_order": "{{target}}"}""")!.AsObject());
        using var http = new SiteHttp(Site);

        var response = await http.DeleteAsync($"api/resource/Life%20Order/{target}");

        response.Status.ShouldBe(417);
        response.Json!["exc_type"]!.GetValue<string>().ShouldBe("LinkExistsError");
        response.ServerMessages.Single().ShouldStartWith("Cannot delete or cancel because Life Order");
        Site.Backdoor.Exists(Order(), target).ShouldBeTrue();
    }

    [Fact]
    public void Cancel_ReferencedBySubmitted_LinkExistsError()
    {
        var target = NewOrder(docstatus: 1);
        Site.Backdoor.Insert(Order(), JsonNode.Parse($$"""{"title": "child", "parent_order": "{{target}}", "docstatus": 1}""")!.AsObject());

        var error = Should.Throw<EmulatorRequestException>(() => Site.Backdoor.Cancel(Order(), target));

        error.Body.ShouldContain("LinkExistsError");
    }

    [Fact]
    public async Task Delete_Draft_WritesDeletedDocumentWithFullJson()
    {
        var name = NewOrder();
        using var http = new SiteHttp(Site);

        (await http.DeleteAsync($"api/resource/Life%20Order/{name}")).Status.ShouldBe(202);
        var again = await http.DeleteAsync($"api/resource/Life%20Order/{name}");

        again.Status.ShouldBe(404);
        again.Text.ShouldBe("{}");
        var deleted = Site.Backdoor.Query("Deleted Document", "[\"deleted_name\", \"data\"]", $$"""{"deleted_name": "{{name}}"}""").Single();
        var data = JsonNode.Parse(deleted["data"]!.GetValue<string>())!;
        data["rows"]![0]!["item"]!.GetValue<string>().ShouldBe("a");
        data.AsObject().ContainsKey("notes").ShouldBeTrue();
        deleted["data"]!.GetValue<string>().ShouldStartWith("{\n \"amended_from\": null,");
    }

    [Fact]
    public async Task Put_SubmitOnNonSubmittable_Forbidden()
    {
        var doctype = TestDocTypes.Define(Site, "Plain Thing", "hash", ["title:Data"]);
        var name = Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "x" })["name"]!.GetValue<string>();
        using var http = new SiteHttp(Site);

        var response = await http.PutAsync($"api/resource/Plain%20Thing/{name}", """{"docstatus": 1}""");

        response.Status.ShouldBe(403);
    }

    [Fact]
    public async Task RunMethodSubmit_Draft_Submits()
    {
        var name = NewOrder();
        using var http = new SiteHttp(Site);

        var response = await http.PostAsync($"api/resource/Life%20Order/{name}", """{"run_method": "submit"}""");

        response.Status.ShouldBe(200);
        response.Data["docstatus"]!.GetValue<int>().ShouldBe(1);
    }
}
