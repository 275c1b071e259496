using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Tests.Transcripts;

namespace ErpSync.Frappe.Tests;

/// <summary>Each operation against the answers real Frappe v14 gave, checking what the client sends and returns.</summary>
public sealed class TranscriptOperationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InsertAsync_FieldNamedDocType_PostsJsonAndKeepsNumbersAsSent()
    {
        var exchange = TranscriptLibrary.Exchange("03-create-customer.json", 0);
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);
        var document = exchange.RequestBody!.AsObject();

        var created = await client.InsertAsync("Sync Customer", document, Ct);

        created["name"]!.GetValue<string>().ShouldBe("Acme Corp");
        created["credit_limit"]!.ToJsonString().ShouldBe("50000.0");
        var request = handler.Requests.Single();
        request.Method.ShouldBe("POST");
        request.Target.ShouldBe(exchange.Path);
        request.ContentType.ShouldBe("application/json");
        request.Accept.ShouldBe("application/json");
        JsonNode.DeepEquals(JsonNode.Parse(request.Body!), document).ShouldBeTrue();
    }

    [Fact]
    public async Task InsertAsync_NamingSeriesAnswerWithNullsAndUnsavedRows_ReturnsGetShape()
    {
        var exchange = TranscriptLibrary.Exchange("07-create-order-naming-series.json", 0);
        using var client = TestSites.Client(new ScriptedHandler().Then(exchange));

        var created = await client.InsertAsync("Sync Order", exchange.RequestBody!.AsObject(), Ct);

        created["name"]!.GetValue<string>().ShouldBe("SO-2026-00001");
        created.ContainsKey("amended_from").ShouldBeFalse();
        var rows = created["items"]!.AsArray();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => !r!.AsObject().ContainsKey("__unsaved"));
        rows[1]!["rate"]!.ToJsonString().ShouldBe("25.5");
    }

    [Fact]
    public async Task InsertAsync_WithNewName_PassesItThroughAndReturnsServerName()
    {
        var exchange = TranscriptLibrary.Exchange("08-create-order-client-name.json", 1);
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);

        var created = await client.InsertAsync("Sync Order", exchange.RequestBody!.AsObject(), Ct);

        JsonNode.Parse(handler.Requests.Single().Body!)!["__newname"]!.GetValue<string>().ShouldBe(exchange.RequestBody!["__newname"]!.GetValue<string>());
        created["name"]!.GetValue<string>().ShouldBe(exchange.ResponseBody!["data"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task InsertAsync_DocumentWithDataField_SendsFormEncodedDataLikeFrappeClient()
    {
        var exchange = TranscriptLibrary.Exchange("28-malformed-json.json", "JSON wrapped in a 'data' form field (application/x-www-form-urlencoded)");
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);

        await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = "Form Data Co", ["data"] = "payload" }, Ct);

        var request = handler.Requests.Single();
        request.ContentType.ShouldBe("application/x-www-form-urlencoded");
        var form = request.Body!.Split('=', 2);
        form[0].ShouldBe("data");
        JsonNode.Parse(Uri.UnescapeDataString(form[1].Replace('+', ' ')))!["data"]!.GetValue<string>().ShouldBe("payload");
    }

    [Fact]
    public async Task GetAsync_OrderWithChildRows_ReturnsWholeDocument()
    {
        var exchange = TranscriptLibrary.Exchange("11-get-order.json", 0);
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);

        var order = await client.GetAsync("Sync Order", "SO-2026-00001", Ct);

        order.ShouldNotBeNull();
        JsonNode.DeepEquals(order, exchange.ResponseBody!["data"]).ShouldBeTrue();
        handler.Requests.Single().Target.ShouldBe(exchange.Path);
    }

    [Fact]
    public async Task SubmitAsync_Draft_PutsDocstatusOneWithExpectedModified()
    {
        var exchange = TranscriptLibrary.Exchange("15-submit-order.json", 0);
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);

        var result = await client.SubmitAsync("Sync Order", "SO-2026-00001", "2026-11-22 04:26:57.869782", Ct);

        result.ShouldBeOfType<Written>().Document["docstatus"]!.GetValue<int>().ShouldBe(1);
        var request = handler.Requests.Single();
        request.Method.ShouldBe("PUT");
        request.Target.ShouldBe(exchange.Path);
        JsonNode.DeepEquals(JsonNode.Parse(request.Body!), new JsonObject { ["docstatus"] = 1, ["modified"] = "2026-11-22 04:26:57.869782" }).ShouldBeTrue();
    }

    [Fact]
    public async Task CancelAsync_Submitted_PutsDocstatusTwo()
    {
        var exchange = TranscriptLibrary.Exchange("18-cancel-order.json", "cancel via PUT docstatus=2");
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);

        var result = await client.CancelAsync("Sync Order", "SO-2026-00001", null, Ct);

        result.ShouldBeOfType<Written>().Document["docstatus"]!.GetValue<int>().ShouldBe(2);
        JsonNode.DeepEquals(JsonNode.Parse(handler.Requests.Single().Body!), new JsonObject { ["docstatus"] = 2 }).ShouldBeTrue();
    }

    [Fact]
    public async Task UpdateAsync_ChangesCarryForeignModifiedAndFlags_SendsOnlyExpectedModified()
    {
        var exchange = TranscriptLibrary.Exchange("14-put-stale-modified.json", "PUT with current modified -> OK");
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);
        var changes = new JsonObject { ["status"] = "Draft", ["notes"] = "edit 1", ["modified"] = "1999-01-01 00:00:00", ["__islocal"] = 1 };

        var result = await client.UpdateAsync("Sync Order", "SO-2026-00001", changes, "2026-11-22 04:26:30.726203", Ct);

        result.ShouldBeOfType<Written>().Document["modified"]!.GetValue<string>().ShouldBe("2026-11-22 04:26:57.814357");
        JsonNode.DeepEquals(JsonNode.Parse(handler.Requests.Single().Body!), exchange.RequestBody).ShouldBeTrue();
        changes["modified"]!.GetValue<string>().ShouldBe("1999-01-01 00:00:00"); // the caller's object is untouched
    }

    [Fact]
    public async Task UpdateAsync_BodyNamesAnotherDocument_RefusesBeforeSending()
    {
        var handler = new ScriptedHandler();
        using var client = TestSites.Client(handler);

        await Should.ThrowAsync<ArgumentException>(() => client.UpdateAsync("Sync Order", "SO-1", new JsonObject { ["name"] = "SO-2" }, null, Ct));

        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RenameAsync_Customer_PostsRenameDocAndReturnsNewName()
    {
        var exchange = TranscriptLibrary.Exchange("29-rename-doc.json", "frappe.client.rename_doc");
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);

        var renamed = await client.RenameAsync("Sync Customer", "Globex Ltd", "Globex Corporation", false, Ct);

        renamed.ShouldBe("Globex Corporation");
        var request = handler.Requests.Single();
        request.Target.ShouldBe("/api/method/frappe.client.rename_doc");
        var body = JsonNode.Parse(request.Body!)!;
        body["doctype"]!.GetValue<string>().ShouldBe("Sync Customer");
        body["old_name"]!.GetValue<string>().ShouldBe("Globex Ltd");
        body["new_name"]!.GetValue<string>().ShouldBe("Globex Corporation");
        body["merge"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task ListDeletedSinceAsync_DeletedOrder_ParsesDataJsonString()
    {
        var exchange = TranscriptLibrary.Exchange("21-deleted-documents.json", 0);
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);

        var rows = await client.ListDeletedSinceAsync("Sync Order", new DocCursor("2026-11-22 04:00:00", "zzz"), Ct).ToListAsync(Ct);

        var row = rows.ShouldHaveSingleItem();
        row.Name.ShouldBe("akb9k7lqqm");
        row.DeletedName.ShouldBe("SO-2026-00006");
        row.DeletedDocType.ShouldBe("Sync Order");
        row.Creation.ShouldBe("2026-11-22 04:27:01.705380");
        row.Data!["items"]!.AsArray().Count.ShouldBe(2);
        row.Data["total"]!.ToJsonString().ShouldBe("45.5");
        var request = handler.Requests.Single();
        request.Target.ShouldStartWith("/api/resource/Deleted%20Document?");
        request.Query("filters").ShouldBe("""[["deleted_doctype","=","Sync Order"],["creation",">=","2026-11-22 04:00:00"]]""");
        request.Query("order_by").ShouldBe("creation asc, name asc");
    }

    [Theory]
    [InlineData("A/B Trading Co", "/api/resource/Sync%20Customer/A%2FB%20Trading%20Co")]
    [InlineData("Müller & Söhne GmbH", "/api/resource/Sync%20Customer/M%C3%BCller%20%26%20S%C3%B6hne%20GmbH")]
    [InlineData("100% Cotton?#Co", "/api/resource/Sync%20Customer/100%25%20Cotton%3F%23Co")]
    [InlineData("A+B Co", "/api/resource/Sync%20Customer/A%2BB%20Co")]
    [InlineData("Ünïcödé 東京 Ltd", "/api/resource/Sync%20Customer/%C3%9Cn%C3%AFc%C3%B6d%C3%A9%20%E6%9D%B1%E4%BA%AC%20Ltd")]
    public async Task GetAsync_SpecialName_EncodesOnePathSegment(string name, string target)
    {
        var handler = new ScriptedHandler().Always(_ => ScriptedHandler.Response(200, new JsonObject { ["data"] = new JsonObject { ["name"] = name } }.ToJsonString()));
        using var client = TestSites.Client(handler);

        var document = await client.GetAsync("Sync Customer", name, Ct);

        document!["name"]!.GetValue<string>().ShouldBe(name);
        handler.Requests.Single().Target.ShouldBe(target);
    }

    [Fact]
    public async Task GetAsync_RecordedEncodedNames_MatchWhatFrappeAccepted()
    {
        foreach (var (label, name) in new[] { ("slash encoded as %2F", "A/B Trading Co"), ("UTF-8 percent-encoded + & encoded", "Müller & Söhne GmbH"), ("% ? # encoded", "100% Cotton?#Co") })
        {
            var exchange = TranscriptLibrary.Exchange("25-url-encoding-names.json", label);
            var handler = new ScriptedHandler().Then(exchange);
            using var client = TestSites.Client(handler);

            (await client.GetAsync("Sync Customer", name, Ct))!["name"]!.GetValue<string>().ShouldBe(name);
            handler.Requests.Single().Target.ShouldBe(exchange.Path);
        }
    }
}
