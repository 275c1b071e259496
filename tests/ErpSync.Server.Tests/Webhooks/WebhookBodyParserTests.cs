using System.Text;
using ErpSync.Server.Tests.Support;
using ErpSync.Server.Webhooks;
using Microsoft.Extensions.Primitives;

namespace ErpSync.Server.Tests.Webhooks;

public sealed class WebhookBodyParserTests
{
    private static WebhookParseResult Parse(string body, string? contentType = null, Dictionary<string, StringValues>? query = null) =>
        WebhookBodyParser.Parse(Encoding.UTF8.GetBytes(body), contentType, query);

    private static WebhookEvent Event(string body, string? contentType = null, Dictionary<string, StringValues>? query = null)
    {
        var result = Parse(body, contentType, query);
        result.Error.ShouldBeNull(result.Message);
        return result.Event!;
    }

    [Fact]
    public void Parse_SetupWebhookTemplateAsFrappeSendsIt_ReadsEveryField()
    {
        // What the template renders to after Python's json.dumps: ", " separators, \u escapes, no Content-Type.
        var body = "{\"doctype\": \"Customer\", \"name\": \"M\\u00fcller \\\"Q\\\" GmbH\", \"action\": \"on_update\", "
            + "\"modified\": \"2026-11-22 04:29:17.859513\", \"modified_by\": \"sync@example.com\", \"docstatus\": 0}";
        Event(body).ShouldBe(new WebhookEvent("Customer", "Müller \"Q\" GmbH", "on_update", "2026-11-22 04:29:17.859513", "sync@example.com"));
    }

    [Fact]
    public void Parse_EveryRecordedJsonDelivery_ReadsDocTypeNameAndEvent()
    {
        var json = Transcripts.Deliveries().Where(d => ((string)d["path"]!).Contains("/json-", StringComparison.Ordinal)).ToList();
        json.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var delivery in json)
        {
            var parsed = (System.Text.Json.Nodes.JsonObject)delivery["body_parsed_as_json"]!;
            var webhookEvent = Event((string)delivery["body_raw"]!);
            webhookEvent.DocType.ShouldBe((string)parsed["doctype"]!);
            webhookEvent.DocName.ShouldBe((string)parsed["name"]!);
            webhookEvent.Action.ShouldBe((string)parsed["action"]!);
        }
    }

    [Fact]
    public void Parse_RecordedFormUrlEncodedDeliveryWithDocTypeInQuery_ReadsIt()
    {
        // "Form URL-Encoded" Webhooks send JSON of {key: field} with no DocType; the URL can carry it.
        var delivery = Transcripts.Deliveries().First(d => ((string)d["path"]!).Contains("/form-", StringComparison.Ordinal));
        var query = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase) { ["doctype"] = "Sync Customer" };
        var webhookEvent = Event((string)delivery["body_raw"]!, null, query);
        webhookEvent.DocType.ShouldBe("Sync Customer");
        webhookEvent.DocName.ShouldBe((string)delivery["body_parsed_as_json"]!["name"]!);
        webhookEvent.Action.ShouldBe("webhook");
    }

    [Fact]
    public void Parse_WholeDocumentPrettyPrinted_ReadsNameAndDocType()
    {
        var body = "{\n \"name\": \"CUST-0001\",\n \"doctype\": \"Customer\",\n \"modified\": \"2026-01-02 03:04:05.000006\",\n \"customer_name\": \"Acme\",\n \"accounts\": [{\"name\": \"row1\", \"doctype\": \"Party Account\"}]\n}";
        Event(body).ShouldBe(new WebhookEvent("Customer", "CUST-0001", "webhook", "2026-01-02 03:04:05.000006", null));
    }

    [Fact]
    public void Parse_DocEnvelopeWithEvent_ReadsFromTheDoc()
    {
        var body = "{\"event\": \"on_trash\", \"doc\": {\"doctype\": \"Item\", \"name\": \"ITEM-9\", \"modified_by\": \"a@b.c\"}}";
        Event(body).ShouldBe(new WebhookEvent("Item", "ITEM-9", "on_trash", null, "a@b.c"));
    }

    [Theory]
    [InlineData("{\"doctype\": \"Item\", \"docname\": \"I-1\", \"webhook_docevent\": \"on_cancel\"}", "on_cancel")]
    [InlineData("{\"doctype\": \"Item\", \"doc_name\": \"I-1\", \"doc_event\": \"after_insert\"}", "after_insert")]
    [InlineData("{\"reference_doctype\": \"Item\", \"reference_name\": \"I-1\"}", "webhook")]
    [InlineData("{\"doctype\": \"Item\", \"id\": \"I-1\", \"method\": \"on_submit\"}", "on_submit")]
    public void Parse_HandConfiguredKeys_ReadsThem(string body, string action) =>
        Event(body).ShouldBe(new WebhookEvent("Item", "I-1", action, null, null));

    [Fact]
    public void Parse_AutoincrementIntegerName_ReadsItAsText() =>
        Event("{\"doctype\": \"ToDo\", \"name\": 42}").DocName.ShouldBe("42");

    [Fact]
    public void Parse_TrueFormEncoding_ReadsFields() =>
        Event("doctype=Sales+Order&name=SO%2F2026%2F0001&action=on_submit", "application/x-www-form-urlencoded")
            .ShouldBe(new WebhookEvent("Sales Order", "SO/2026/0001", "on_submit", null, null));

    [Fact]
    public void Parse_FormFieldHoldingJson_ReadsTheJson() =>
        Event("data=" + Uri.EscapeDataString("{\"doctype\": \"Customer\", \"name\": \"A&B\"}"), "application/x-www-form-urlencoded")
            .ShouldBe(new WebhookEvent("Customer", "A&B", "webhook", null, null));

    [Fact]
    public void Parse_JsonSentAsFormContentType_ReadsTheJson() =>
        Event("{\"doctype\": \"Customer\", \"name\": \"A\"}", "application/x-www-form-urlencoded").DocName.ShouldBe("A");

    [Fact]
    public void Parse_ByteOrderMarkAndSurroundingWhitespace_Ignored() =>
        Event("\uFEFF  {\"doctype\": \"Customer\", \"name\": \"A\"}\n").DocName.ShouldBe("A");

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("{\"doctype\": \"Customer\", \"name\": ", "not valid JSON")]
    [InlineData("[{\"doctype\": \"Customer\", \"name\": \"A\"}]", "an array")]
    [InlineData("\"Customer\"", "not an object")]
    [InlineData("hello there", "neither JSON nor form")]
    public void Parse_Unreadable_IsMalformedWithReason(string body, string reason)
    {
        var result = Parse(body);
        result.Error.ShouldBe(WebhookParseError.Malformed);
        result.Message.ShouldContain(reason);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsMalformed()
    {
        var result = WebhookBodyParser.Parse([0x7B, 0xFF, 0xFE, 0x7D], null, null);
        result.Error.ShouldBe(WebhookParseError.Malformed);
        result.Message.ShouldContain("UTF-8");
    }

    [Fact]
    public void Parse_NoDocType_IsMissingFieldsNamingTheDocType()
    {
        var result = Parse("{\"name\": \"CUST-1\"}");
        result.Error.ShouldBe(WebhookParseError.MissingFields);
        result.Message.ShouldContain("no DocType");
        result.Message.ShouldContain("CUST-1");
    }

    [Fact]
    public void Parse_NoName_IsMissingFieldsNamingTheName()
    {
        var result = Parse("{\"doctype\": \"Customer\", \"name\": \"  \"}");
        result.Error.ShouldBe(WebhookParseError.MissingFields);
        result.Message.ShouldContain("no document");
    }

    [Fact]
    public void Parse_Neither_IsMissingFieldsNamingBoth()
    {
        var result = Parse("{\"customer_name\": \"Acme\"}");
        result.Error.ShouldBe(WebhookParseError.MissingFields);
        result.Message.ShouldContain("neither a DocType nor a document");
    }

    [Fact]
    public void Parse_NameLongerThanFrappeAllows_IsRefused() =>
        Parse("{\"doctype\": \"Customer\", \"name\": \"" + new string('x', 141) + "\"}").Error.ShouldBe(WebhookParseError.MissingFields);

    [Fact]
    public void Template_RenderedForEachEvent_ParsesBackToThatEvent()
    {
        foreach (var docEvent in WebhookTemplate.Events)
        {
            var template = WebhookTemplate.Json(docEvent);
            template.ShouldContain("{{ doc.name | json }}");
            // What Frappe's Jinja + json.dumps would produce for it.
            var rendered = template.Replace("{{ doc.doctype | json }}", "\"Customer\"").Replace("{{ doc.name | json }}", "\"A \\\"B\\\"\"")
                .Replace("{{ doc.modified | json }}", "\"2026-01-01 00:00:00.000001\"").Replace("{{ doc.modified_by | json }}", "\"x@y.z\"")
                .Replace("{{ doc.docstatus | json }}", "0");
            Event(rendered).ShouldBe(new WebhookEvent("Customer", "A \"B\"", docEvent, "2026-01-01 00:00:00.000001", "x@y.z"));
        }
    }

    [Fact]
    public void TemplateEvents_InsertEveryLaterChangeAndDelete_NoneThatFrappeRefusesOnPlainDocTypes()
    {
        // on_change is the only event Frappe dispatches for an update after submit; it never fires on insert.
        WebhookTemplate.Events.ShouldBe(["after_insert", "on_change", "on_trash"]);
        WebhookTemplate.Events.Intersect(["on_submit", "on_cancel", "on_update_after_submit"]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("on update")]
    [InlineData("on_update\", \"x\": \"")]
    public void Template_BadEvent_Throws(string docEvent) => Should.Throw<ArgumentException>(() => WebhookTemplate.Json(docEvent));
}
