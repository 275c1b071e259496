using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Http;

public sealed class ResourceApiTests(ResourceApiTests.Fixture fixture) : IClassFixture<ResourceApiTests.Fixture>
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        protected override EmulatorOptions Options => new() { SeedErpNext = false };
    }

    private static readonly string ThingDocType = """
        {"name": "Api Thing", "module": "Custom", "custom": 1, "autoname": "field:title", "allow_rename": 1,
         "fields": [{"fieldname": "title", "fieldtype": "Data", "label": "Title", "reqd": 1},
                    {"fieldname": "qty", "fieldtype": "Float", "label": "Qty"},
                    {"fieldname": "note", "fieldtype": "Data", "label": "Note"}]}
        """;

    private async Task<SiteHttp> ClientWithThingAsync()
    {
        var http = new SiteHttp(fixture.Site);
        if (!fixture.Site.Backdoor.Exists("DocType", "Api Thing"))
            (await http.PostAsync("api/resource/DocType", ThingDocType)).Status.ShouldBe(200);
        return http;
    }

    [Fact]
    public async Task GetLoggedUser_ValidToken_ReturnsApiUser()
    {
        using var http = new SiteHttp(fixture.Site);

        var response = await http.GetAsync("api/method/frappe.auth.get_logged_user");

        response.Status.ShouldBe(200);
        response.Json!["message"]!.GetValue<string>().ShouldBe("Administrator");
        fixture.Site.BaseUrl.Host.ShouldBe("127.0.0.1");
        fixture.Site.BaseUrl.Port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Post_NewDocument_Answers200WithNullsAndFloats()
    {
        using var http = await ClientWithThingAsync();

        var response = await http.PostAsync("api/resource/Api%20Thing", """{"title": "Post One", "qty": 2}""");

        response.Status.ShouldBe(200);
        response.Data["name"]!.GetValue<string>().ShouldBe("Post One");
        response.Data["qty"]!.ToJsonString().ShouldBe("2.0");
        response.Data.ContainsKey("note").ShouldBeTrue();
        response.Data["note"].ShouldBeNull();
        response.ContentHeaders.ContentType!.ToString().ShouldBe("application/json");
    }

    [Fact]
    public async Task Get_ExistingDocument_OmitsNulls()
    {
        using var http = await ClientWithThingAsync();
        await http.PostAsync("api/resource/Api%20Thing", """{"title": "Get One"}""");

        var response = await http.GetAsync("api/resource/Api%20Thing/Get%20One");

        response.Status.ShouldBe(200);
        response.Data.ContainsKey("note").ShouldBeFalse();
        response.Data["doctype"]!.GetValue<string>().ShouldBe("Api Thing");
    }

    [Fact]
    public async Task Post_SameNameOtherCase_Answers409WithoutExcType()
    {
        using var http = await ClientWithThingAsync();
        await http.PostAsync("api/resource/Api%20Thing", """{"title": "Dup Name"}""");

        var response = await http.PostAsync("api/resource/Api%20Thing", """{"title": "DUP NAME "}""");

        response.Status.ShouldBe(409);
        response.Json!.AsObject().ContainsKey("exc_type").ShouldBeFalse();
        response.Json!["exception"]!.GetValue<string>().ShouldStartWith("frappe.exceptions.DuplicateEntryError:");
        response.ServerMessages.ShouldBe(["Api Thing <strong>DUP NAME</strong> already exists"]);
    }

    [Fact]
    public async Task Put_StaleModified_Answers417TimestampMismatch()
    {
        using var http = await ClientWithThingAsync();
        var created = await http.PostAsync("api/resource/Api%20Thing", """{"title": "Cas One"}""");
        var modified = created.Data["modified"]!.GetValue<string>();
        var first = await http.PutAsync("api/resource/Api%20Thing/Cas%20One", new JsonObject { ["note"] = "a", ["modified"] = modified }.ToJsonString());

        var second = await http.PutAsync("api/resource/Api%20Thing/Cas%20One", new JsonObject { ["note"] = "b", ["modified"] = modified }.ToJsonString());

        first.Status.ShouldBe(200);
        second.Status.ShouldBe(417);
        second.Json!["exc_type"]!.GetValue<string>().ShouldBe("TimestampMismatchError");
        fixture.Site.Backdoor.Get("Api Thing", "Cas One")!["note"]!.GetValue<string>().ShouldBe("a");
    }

    [Fact]
    public async Task Get_MissingDocument_Answers404DoesNotExist()
    {
        using var http = await ClientWithThingAsync();

        var response = await http.GetAsync("api/resource/Api%20Thing/Nobody");

        response.Status.ShouldBe(404);
        response.Json!["exc_type"]!.GetValue<string>().ShouldBe("DoesNotExistError");
        response.Json!.AsObject().ContainsKey("exception").ShouldBeFalse();
        response.ServerMessages.ShouldBe(["Api Thing Nobody not found"]);
    }

    [Fact]
    public async Task Get_WrongSecret_Answers401WithoutExcType()
    {
        using var http = new SiteHttp(fixture.Site);

        var response = await http.SendAsync(HttpMethod.Get, "api/resource/User", authorization: "token emulator-key:wrong");

        response.Status.ShouldBe(401);
        response.Json!.AsObject().Select(p => p.Key).ShouldBe(["exception", "exc"]);
    }

    [Fact]
    public async Task List_NoAuthorization_Answers403ForGuest()
    {
        using var http = new SiteHttp(fixture.Site);

        var response = await http.SendAsync(HttpMethod.Get, "api/resource/User", authorization: null);

        response.Status.ShouldBe(403);
        response.Json!["_error_message"]!.GetValue<string>().ShouldBe("No permission for User");
    }

    [Fact]
    public async Task GetDocType_CreatedOverRest_ListsItsFields()
    {
        using var http = await ClientWithThingAsync();

        var response = await http.GetAsync("api/resource/DocType/Api%20Thing");

        response.Status.ShouldBe(200);
        response.Data["fields"]!.AsArray().Select(f => f!["fieldname"]!.GetValue<string>()).ShouldBe(["title", "qty", "note"]);
        response.Data["custom"]!.GetValue<int>().ShouldBe(1);
    }
}
