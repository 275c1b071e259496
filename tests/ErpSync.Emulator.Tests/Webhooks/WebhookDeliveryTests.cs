using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Webhooks;

public sealed class WebhookDeliveryTests(WebhookDeliveryTests.Fixture fixture) : IClassFixture<WebhookDeliveryTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public EmulatedSite Site { get; private set; } = null!;

        public WebhookRecorder Receiver { get; } = WebhookRecorder.Start();

        public async ValueTask InitializeAsync() =>
            Site = await EmulatedSite.StartAsync(new EmulatorOptions { SeedErpNext = false, WebhookSecret = "site-default-secret" });

        public async ValueTask DisposeAsync()
        {
            await Site.DisposeAsync();
            await Receiver.DisposeAsync();
        }
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private EmulatedSite Site => fixture.Site;

    /// <summary>A fresh DocType per test, so deliveries of one test never mix with another's.</summary>
    private string DocType(string name, bool submittable = false) =>
        TestDocTypes.Define(Site, name, "field:title", ["title:Data", "amount:Currency", "notes:Data::allow_on_submit"], submittable);

    private string Hook(string doctype, string evt, string path, string? json = null, string? condition = null, bool secure = false, string? extra = null)
    {
        var hook = new JsonObject
        {
            ["webhook_doctype"] = doctype, ["webhook_docevent"] = evt, ["enabled"] = 1,
            ["request_url"] = new Uri(fixture.Receiver.BaseUrl, path).ToString(),
            ["request_structure"] = json is null ? "Form URL-Encoded" : "JSON",
            ["webhook_json"] = json, ["condition"] = condition, ["enable_security"] = secure ? 1 : 0,
            ["webhook_data"] = json is null ? new JsonArray(new JsonObject { ["fieldname"] = "name", ["key"] = "id" }, new JsonObject { ["fieldname"] = "modified", ["key"] = "ts" }) : new JsonArray(),
        };
        if (extra is not null)
            hook["webhook_headers"] = new JsonArray(new JsonObject { ["key"] = "Content-Type", ["value"] = extra });
        return Site.Backdoor.Insert("Webhook", hook)["name"]!.GetValue<string>();
    }

    private Task<IReadOnlyList<RecordedRequest>> ReceivedAsync(string path, int count) =>
        fixture.Receiver.WaitForRequestsAsync(count, Wait, r => r.Path == path, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Insert_AfterInsertAndOnUpdateHooks_BothDeliverAsPythonJson()
    {
        var doctype = DocType("Hooked Insert");
        Hook(doctype, "after_insert", "/hi/after", """{"name": {{ doc.name | json }}, "amount": {{ doc.amount }}}""");
        Hook(doctype, "on_update", "/hi/update", """{"name": "{{ doc.name }}", "by": "{{ doc.modified_by }}"}""");

        Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "Zoë", ["amount"] = 3 });

        var after = (await ReceivedAsync("/hi/after", 1)).Single();
        var update = (await ReceivedAsync("/hi/update", 1)).Single();
        after.BodyText.ShouldBe("{\"name\": \"Zo\\u00eb\", \"amount\": 3.0}");
        update.BodyText.ShouldBe("{\"name\": \"Zo\\u00eb\", \"by\": \"Administrator\"}");
        after.Header("Content-Type").ShouldBeNull();
        after.Header("User-Agent").ShouldBe("python-requests/2.28.1");
    }

    [Fact]
    public async Task Save_FormHookWithSecurity_SignsRawBodyBase64()
    {
        var doctype = DocType("Hooked Signed");
        Hook(doctype, "on_update", "/signed", secure: true, extra: "application/json");
        var created = Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "sig" });

        var request = (await ReceivedAsync("/signed", 1)).Single();

        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("site-default-secret"), request.Body));
        request.Header("X-Frappe-Webhook-Signature").ShouldBe(expected);
        request.Header("Content-Type").ShouldBe("application/json");
        request.BodyText.ShouldBe($"{{\"id\": \"sig\", \"ts\": \"{created["modified"]!.GetValue<string>()}\"}}");
    }

    [Fact]
    public async Task Save_ConditionOnModifiedBy_SkipsOwnUser()
    {
        var doctype = DocType("Hooked Condition");
        Hook(doctype, "on_update", "/cond", """{"n": "{{ doc.name }}"}""", condition: "doc.modified_by != 'Administrator'");
        Hook(doctype, "on_update", "/cond-all", """{"n": "{{ doc.name }}"}""");

        Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "mine" });
        Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "theirs" }, user: "Guest");

        var unconditional = await ReceivedAsync("/cond-all", 2);
        await Site.Backdoor.WaitForWebhooksIdleAsync(Wait, TestContext.Current.CancellationToken);
        unconditional.Count.ShouldBe(2);
        fixture.Receiver.Requests.Where(r => r.Path == "/cond").Select(r => r.BodyText).ShouldBe(["{\"n\": \"theirs\"}"]);
    }

    [Fact]
    public async Task Submit_OnSubmitAndOnUpdateAfterSubmit_OnlyOnSubmitFires()
    {
        var doctype = DocType("Hooked Submit", submittable: true);
        Hook(doctype, "on_submit", "/sub", """{"ds": {{ doc.docstatus }}}""");
        Hook(doctype, "on_update_after_submit", "/uas", """{"ds": {{ doc.docstatus }}}""");
        Hook(doctype, "on_change", "/change", """{"ds": {{ doc.docstatus }}}""");
        Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "s1" });

        Site.Backdoor.Submit(doctype, "s1");
        Site.Backdoor.Update(doctype, "s1", new JsonObject { ["notes"] = "after submit" });

        (await ReceivedAsync("/sub", 1)).Single().BodyText.ShouldBe("{\"ds\": 1}");
        (await ReceivedAsync("/change", 2)).Count.ShouldBe(2);
        await Site.Backdoor.WaitForWebhooksIdleAsync(Wait, TestContext.Current.CancellationToken);
        fixture.Receiver.Requests.Count(r => r.Path == "/uas").ShouldBe(0);
    }

    [Fact]
    public async Task Delivery_ReceiverFails_ThreeAttemptsEachLogged()
    {
        var doctype = DocType("Hooked Failing");
        fixture.Receiver.RespondWith("/failing", 503);
        var hook = Hook(doctype, "on_update", "/failing", """{"n": "{{ doc.name }}"}""");

        Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "f1" });

        (await ReceivedAsync("/failing", 3)).Count.ShouldBe(3);
        await Site.Backdoor.WaitForWebhooksIdleAsync(Wait, TestContext.Current.CancellationToken);
        var logs = Site.Backdoor.Query("Webhook Request Log", "[\"response\", \"error\", \"data\"]", $$"""{"webhook": "{{hook}}"}""", "creation asc");
        logs.Select(l => l["response"]!.GetValue<string>()).ShouldBe(["<Response [503]>", "<Response [503]>", "<Response [503]>"]);
        logs[0]["error"]!.GetValue<string>().ShouldContain("503 Server Error");
        Site.Backdoor.WebhookDeliveries.Where(d => d.Webhook == hook).Select(d => d.Attempt).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Delivery_QuoteInJsonTemplate_LoggedAsDecodeErrorAndNotSent()
    {
        var doctype = DocType("Hooked Quote");
        var hook = Hook(doctype, "on_update", "/quote", """{"n": "{{ doc.name }}"}""");

        Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "Say \"hi\"" });

        await Site.Backdoor.WaitForDeliveriesAsync(1, Wait, TestContext.Current.CancellationToken);
        await Site.Backdoor.WaitForWebhooksIdleAsync(Wait, TestContext.Current.CancellationToken);
        var log = Site.Backdoor.Query("Webhook Request Log", "[\"data\", \"response\", \"error\"]", $$"""{"webhook": "{{hook}}"}""").Single();
        log["data"].ShouldBeNull();
        log["error"]!.GetValue<string>().ShouldContain("json.decoder.JSONDecodeError: Expecting ',' delimiter");
        fixture.Receiver.Requests.ShouldNotContain(r => r.Path == "/quote");
    }

    [Fact]
    public async Task Delivery_DropFault_NoRequestNoLog()
    {
        var doctype = DocType("Hooked Dropped");
        var hook = Hook(doctype, "on_update", "/dropped", """{"n": "{{ doc.name }}"}""");
        Site.Faults.DropWebhooks = 1;
        try
        {
            Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "lost" });
            await Site.Backdoor.WaitForWebhooksIdleAsync(Wait, TestContext.Current.CancellationToken);
        }
        finally
        {
            Site.Faults.DropWebhooks = 0;
        }

        Site.Backdoor.WebhookDeliveries.Where(d => d.Webhook == hook).ShouldAllBe(d => d.Dropped);
        Site.Backdoor.Query("Webhook Request Log", "[\"name\"]", $$"""{"webhook": "{{hook}}"}""").ShouldBeEmpty();
        fixture.Receiver.Requests.ShouldNotContain(r => r.Path == "/dropped");
    }

    [Fact]
    public async Task SetValue_ServerSide_FiresNoWebhookAndKeepsModified()
    {
        var doctype = DocType("Hooked Silent");
        var hook = Hook(doctype, "on_update", "/silent", """{"n": "{{ doc.name }}"}""");
        Site.Backdoor.Insert(doctype, new JsonObject { ["title"] = "quiet" });
        await ReceivedAsync("/silent", 1);
        var before = Site.Backdoor.Get(doctype, "quiet")!["modified"]!.GetValue<string>();

        Site.Backdoor.SetValue(doctype, "quiet", "amount", 9.5);
        await Site.Backdoor.WaitForWebhooksIdleAsync(Wait, TestContext.Current.CancellationToken);

        var after = Site.Backdoor.Get(doctype, "quiet")!;
        after["amount"]!.GetValue<double>().ShouldBe(9.5);
        after["modified"]!.GetValue<string>().ShouldBe(before);
        Site.Backdoor.WebhookDeliveries.Count(d => d.Webhook == hook).ShouldBe(1);
    }

    [Fact]
    public void CreateWebhook_SubmitEventOnPlainDocType_Refused()
    {
        var doctype = DocType("Hooked Plain");

        var error = Should.Throw<EmulatorRequestException>(() => Hook(doctype, "on_submit", "/never", "{}"));

        error.Body.ShouldContain("DocType must be Submittable for the selected Doc Event");
    }

    [Fact]
    public void CreateWebhook_Secret_ReadBackMasked()
    {
        var doctype = DocType("Hooked Masked");
        var name = Hook(doctype, "on_update", "/masked", secure: true);

        Site.Backdoor.Get("Webhook", name)!["webhook_secret"]!.GetValue<string>().ShouldBe(new string('*', "site-default-secret".Length));
    }
}
