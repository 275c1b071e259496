using ErpSync.Core.Sites;
using ErpSync.Frappe.Tests.Transcripts;

namespace ErpSync.Frappe.Tests.Metadata;

public sealed class MetaLoaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetMetaAsync_GetDocTypeAnswer_ParsesParentAndChildOnceAndCaches()
    {
        var handler = new ScriptedHandler().Then(TranscriptLibrary.Exchange("02-get-meta.json", 1));
        using var client = TestSites.Client(handler);

        var meta = await client.GetMetaAsync("Sync Order", Ct);
        var again = await client.GetMetaAsync("Sync Order", Ct);

        again.ShouldBeSameAs(meta);
        handler.Requests.Count.ShouldBe(1);
        AssertSyncOrder(meta);
    }

    [Fact]
    public async Task GetMetaAsync_GetDocTypeRefused_FallsBackToDocTypeResourceAndCustomFields()
    {
        var customFields = """{"data":[{"name":"cf1","dt":"Sync Order","fieldname":"region","fieldtype":"Link","label":"Region","options":"Territory","insert_after":"customer","idx":0}]}""";
        var handler = new ScriptedHandler()
            .Then(403, """{"exception":"frappe.exceptions.PermissionError","exc":"x"}""")
            .Then(TranscriptLibrary.Exchange("02-get-meta.json", 0))
            .Then(200, customFields)
            .Then(TranscriptLibrary.Exchange("02-get-meta.json", 2))
            .Then(200, """{"data":[]}""");
        using var client = TestSites.Client(handler);

        var meta = await client.GetMetaAsync("Sync Order", Ct);

        AssertSyncOrder(meta);
        meta.Fields.Select(f => f.Fieldname).ShouldContain("region");
        meta.Fields[meta.Fields.ToList().FindIndex(f => f.Fieldname == "customer") + 1].Fieldname.ShouldBe("region");
        handler.Requests.Select(r => r.Target.Split('?')[0]).ShouldBe([
            "/api/method/frappe.desk.form.load.getdoctype",
            "/api/resource/DocType/Sync%20Order",
            "/api/resource/Custom%20Field",
            "/api/resource/DocType/Sync%20Order%20Item",
            "/api/resource/Custom%20Field",
        ]);
    }

    [Fact]
    public async Task GetMetaAsync_UnknownDocType_ThrowsNotFoundAndDoesNotCacheTheFailure()
    {
        var missing = """{"exc_type":"DoesNotExistError","_server_messages":"[\"{\\\"message\\\": \\\"DocType Nope not found\\\"}\"]"}""";
        var handler = new ScriptedHandler().Then(404, missing).Then(404, missing).Then(TranscriptLibrary.Exchange("02-get-meta.json", 1));
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeNotFoundException>(() => client.GetMetaAsync("Sync Order", Ct));
        ex.Message.ShouldContain("DocType Nope not found");

        AssertSyncOrder(await client.GetMetaAsync("Sync Order", Ct));
    }

    private static void AssertSyncOrder(DocTypeMeta meta)
    {
        meta.Name.ShouldBe("Sync Order");
        meta.Autoname.ShouldBe("naming_series:");
        meta.IsSubmittable.ShouldBeTrue();
        meta.IsTable.ShouldBeFalse();
        meta.Field("customer")!.Options.ShouldBe("Sync Customer");
        meta.Field("customer")!.Reqd.ShouldBeTrue();
        meta.Field("notes")!.AllowOnSubmit.ShouldBeTrue();
        meta.Field("naming_series")!.Default.ShouldBe("SO-.YYYY.-.#####");
        meta.LinkFields.Select(f => f.Fieldname).ShouldBeSubsetOf(["customer", "amended_from", "region"]);
        meta.LinkFields.Select(f => f.Fieldname).ShouldContain("amended_from");
        meta.TableFields.Single().Options.ShouldBe("Sync Order Item");
        var child = meta.Children["Sync Order Item"];
        child.IsTable.ShouldBeTrue();
        child.Field("item_code")!.Options.ShouldBe("Sync Item");
        child.Field("item_code")!.Label.ShouldBe("Item Code");
    }
}
