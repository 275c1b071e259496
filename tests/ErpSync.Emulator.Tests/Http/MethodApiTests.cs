using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Http;

public sealed class MethodApiTests(EmulatedSiteFixture fixture) : IClassFixture<EmulatedSiteFixture>
{
    private EmulatedSite Site => fixture.Site;

    private string Customer(string name)
    {
        if (!Site.Backdoor.Exists("Customer", name))
            Site.Backdoor.Insert("Customer", new JsonObject { ["customer_name"] = name, ["customer_group"] = "Commercial" });
        return name;
    }

    [Fact]
    public async Task GetVersions_ReportsFrappe14AndErpNext()
    {
        using var http = new SiteHttp(Site);

        var response = await http.GetAsync("api/method/frappe.utils.change_log.get_versions");

        response.Json!["message"]!["frappe"]!["version"]!.GetValue<string>().ShouldBe("14.93.2");
        response.Json!["message"]!["erpnext"]!["version"]!.GetValue<string>().ShouldStartWith("14.");
    }

    [Fact]
    public async Task Guest_WhitelistedGuestMethod_Allowed_OtherForbidden()
    {
        using var http = new SiteHttp(Site);

        var timeZone = await http.SendAsync(HttpMethod.Get, "api/method/frappe.client.get_time_zone", authorization: null);
        var user = await http.SendAsync(HttpMethod.Get, "api/method/frappe.auth.get_logged_user", authorization: null);

        timeZone.Json!["message"]!["time_zone"]!.GetValue<string>().ShouldBe("Asia/Kolkata");
        user.Status.ShouldBe(403);
        user.Json!["exc_type"]!.GetValue<string>().ShouldBe("PermissionError");
        JsonNode.Parse(JsonNode.Parse(user.Json!["_server_messages"]!.GetValue<string>())![0]!.GetValue<string>())!["title"]!.GetValue<string>().ShouldBe("Method Not Allowed");
    }

    [Fact]
    public async Task WriteMethod_WithGet_NotPermitted()
    {
        using var http = new SiteHttp(Site);

        var response = await http.GetAsync("api/method/frappe.client.cancel?doctype=Customer&name=x");

        response.Status.ShouldBe(403);
    }

    [Fact]
    public async Task GetDocType_SalesOrder_ReturnsParentAndItemMeta()
    {
        using var http = new SiteHttp(Site);

        var response = await http.GetAsync("api/method/frappe.desk.form.load.getdoctype?doctype=Sales%20Order");

        var docs = response.Json!["docs"]!.AsArray();
        docs.Select(d => d!["name"]!.GetValue<string>()).ShouldBe(["Sales Order", "Sales Order Item"]);
        docs[0]!["is_submittable"]!.GetValue<int>().ShouldBe(1);
        docs[0]!["autoname"]!.GetValue<string>().ShouldBe("naming_series:");
        docs[0]!["fields"]!.AsArray().ShouldContain(f => f!["fieldname"]!.GetValue<string>() == "amended_from");
        response.Json!["user_settings"]!.GetValue<string>().ShouldBe("{}");
    }

    [Fact]
    public async Task ClientGetAndGetValue_ReturnDocumentAndFields()
    {
        var name = Customer("Method Reader");
        using var http = new SiteHttp(Site);

        var doc = await http.GetAsync($"api/method/frappe.client.get?doctype=Customer&name={Uri.EscapeDataString(name)}");
        var value = await http.GetAsync($"api/method/frappe.client.get_value?doctype=Customer&fieldname=customer_group&filters={Uri.EscapeDataString(name)}");
        var single = await http.GetAsync("api/method/frappe.client.get_value?doctype=System%20Settings&fieldname=time_zone");

        doc.Json!["message"]!.AsObject().ContainsKey("tax_id").ShouldBeTrue();
        value.Json!["message"]!.ToJsonString().ShouldBe("""{"customer_group":"Commercial"}""");
        single.Json!["message"]!["time_zone"]!.GetValue<string>().ShouldBe("Asia/Kolkata");
    }

    [Fact]
    public async Task SetValueAndValidateLink_WorkByRpc()
    {
        var name = Customer("Method Writer");
        using var http = new SiteHttp(Site);

        var set = await http.PostAsync("api/method/frappe.client.set_value", new JsonObject { ["doctype"] = "Customer", ["name"] = name, ["fieldname"] = "tax_id", ["value"] = "GST-1" }.ToJsonString());
        var known = await http.GetAsync($"api/method/frappe.client.validate_link?doctype=Customer&docname={Uri.EscapeDataString(name.ToUpperInvariant())}");
        var unknown = await http.GetAsync("api/method/frappe.client.validate_link?doctype=Customer&docname=nobody");

        set.Json!["message"]!["tax_id"]!.GetValue<string>().ShouldBe("GST-1");
        known.Json!["message"]!["name"]!.GetValue<string>().ShouldBe(name);
        unknown.Json!["message"]!["name"].ShouldBeNull();
    }

    [Fact]
    public async Task InsertMany_ThenDeleteByRpc()
    {
        using var http = new SiteHttp(Site);

        var inserted = await http.PostAsync("api/method/frappe.client.insert_many", """
            {"docs": [{"doctype": "UOM", "uom_name": "Crate"}, {"doctype": "UOM", "uom_name": "Pallet"}]}
            """);
        var deleted = await http.PostAsync("api/method/frappe.client.delete", """{"doctype": "UOM", "name": "Crate"}""");
        var missing = await http.PostAsync("api/method/frappe.client.delete", """{"doctype": "UOM", "name": "Crate"}""");

        inserted.Json!["message"]!.ToJsonString().ShouldBe("""["Crate","Pallet"]""");
        deleted.Status.ShouldBe(200);
        deleted.Json!.AsObject().Count.ShouldBe(0);
        missing.Status.ShouldBe(404);
    }

    [Fact]
    public async Task ClientSubmit_WithoutModified_TimestampMismatch()
    {
        using var http = new SiteHttp(Site);
        Site.Backdoor.Insert("Item", new JsonObject { ["item_code"] = "RPC-ITEM", ["item_group"] = "Products" });
        var order = Site.Backdoor.Insert("Sales Order", JsonNode.Parse($$"""
            {"customer": "{{Customer("Rpc Buyer")}}", "delivery_date": "2099-01-01", "items": [{"item_code": "RPC-ITEM", "qty": 1, "rate": 1}]}
            """)!.AsObject());
        order.Remove("modified");

        var response = await http.PostAsync("api/method/frappe.client.submit", new JsonObject { ["doc"] = order.ToJsonString() }.ToJsonString());

        response.Status.ShouldBe(417);
        response.Json!["exc_type"]!.GetValue<string>().ShouldBe("TimestampMismatchError");
    }

    [Fact]
    public async Task Post_FormEncodedDataField_Inserts()
    {
        using var http = new SiteHttp(Site);

        var response = await http.SendAsync(HttpMethod.Post, "api/resource/UOM",
            "data=" + Uri.EscapeDataString("""{"uom_name": "Form Box"}"""), "application/x-www-form-urlencoded");

        response.Status.ShouldBe(200);
        response.Data["name"]!.GetValue<string>().ShouldBe("Form Box");
    }

    [Fact]
    public async Task Names_SlashRawOrEncoded_PlusIsNotSpace()
    {
        var name = Customer("Slash/Co + Partners");
        using var http = new SiteHttp(Site);

        var encoded = await http.GetAsync("api/resource/Customer/" + Uri.EscapeDataString(name));
        var raw = await http.GetAsync("api/resource/Customer/Slash/Co%20+%20Partners");
        var plus = await http.GetAsync("api/resource/Customer/Slash%2FCo+%2B+Partners");

        encoded.Status.ShouldBe(200);
        raw.Status.ShouldBe(200);
        plus.Status.ShouldBe(404);
    }
}
