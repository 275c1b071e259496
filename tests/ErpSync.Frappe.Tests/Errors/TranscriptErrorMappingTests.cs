using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Tests.Transcripts;

namespace ErpSync.Frappe.Tests.Errors;

/// <summary>Replays the error answers real Frappe v14 gave (shared/frappe-transcripts) through the client.</summary>
public sealed class TranscriptErrorMappingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, "Acme Corp")]
    [InlineData(1, "ACME CORP")]
    public async Task InsertAsync_DuplicateWithoutExcType_ThrowsDuplicateWithClassFromException(int index, string shownName)
    {
        var exchange = TranscriptLibrary.Exchange("04-duplicate-customer.json", index);
        using var client = TestSites.Client(new ScriptedHandler().Then(exchange));

        var ex = await Should.ThrowAsync<FrappeDuplicateException>(() => client.InsertAsync("Sync Customer", exchange.RequestBody!.AsObject(), Ct));

        ex.StatusCode.ShouldBe(409);
        ex.ExcType.ShouldBe("DuplicateEntryError");
        ex.DocType.ShouldBe("Sync Customer");
        ex.Message.ShouldContain($"Sync Customer {shownName} already exists");
        ex.Message.ShouldNotContain("<strong>");
        ex.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task InsertAsync_MissingParentLink_ResolvesLabelToTargetDocTypeThroughMeta()
    {
        var exchange = TranscriptLibrary.Exchange("09-order-link-error.json", 0);
        var meta = TranscriptLibrary.Exchange("02-get-meta.json", 1);
        var handler = new ScriptedHandler().Then(exchange).Then(meta);
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeLinkValidationException>(() => client.InsertAsync("Sync Order", exchange.RequestBody!.AsObject(), Ct));

        ex.StatusCode.ShouldBe(417);
        ex.ExcType.ShouldBe("LinkValidationError");
        ex.Message.ShouldContain("Could not find Customer: No Such Customer");
        ex.MissingLinks.ShouldBe([new MissingLink("Sync Customer", "No Such Customer", "customer")]);
        handler.Requests.Last().Target.ShouldBe("/api/method/frappe.desk.form.load.getdoctype?doctype=Sync%20Order");
    }

    [Fact]
    public async Task InsertAsync_MissingChildRowLink_ResolvesRowLabelToChildTarget()
    {
        var exchange = TranscriptLibrary.Exchange("09-order-link-error.json", 1);
        using var client = TestSites.Client(new ScriptedHandler().Then(exchange).Then(TranscriptLibrary.Exchange("02-get-meta.json", 1)));

        var ex = await Should.ThrowAsync<FrappeLinkValidationException>(() => client.InsertAsync("Sync Order", exchange.RequestBody!.AsObject(), Ct));

        ex.MissingLinks.ShouldBe([new MissingLink("Sync Item", "NO-SUCH-ITEM", "item_code", 1)]);
    }

    [Fact]
    public async Task InsertAsync_LinkErrorWhenMetaUnreadable_KeepsLabels()
    {
        var exchange = TranscriptLibrary.Exchange("09-order-link-error.json", 1);
        using var client = TestSites.Client(new ScriptedHandler().Then(exchange).Always(_ => ScriptedHandler.Response(403, "{\"exception\":\"frappe.exceptions.PermissionError\"}")));

        var ex = await Should.ThrowAsync<FrappeLinkValidationException>(() => client.InsertAsync("Sync Order", exchange.RequestBody!.AsObject(), Ct));

        ex.MissingLinks.ShouldBe([new MissingLink("Item Code", "NO-SUCH-ITEM", null, 1)]);
    }

    [Theory]
    [InlineData(0, "customer", "Error: Value missing for Sync Order: Customer")]
    [InlineData(1, "item_code", "Error: Sync Order Item Row #1: Value missing for: Item Code")]
    public async Task InsertAsync_MandatoryWithoutExcType_ListsMissingFieldnames(int index, string field, string human)
    {
        var exchange = TranscriptLibrary.Exchange("10-order-missing-mandatory.json", index);
        using var client = TestSites.Client(new ScriptedHandler().Then(exchange));

        var ex = await Should.ThrowAsync<FrappeMandatoryException>(() => client.InsertAsync("Sync Order", exchange.RequestBody!.AsObject(), Ct));

        ex.ExcType.ShouldBe("MandatoryError");
        ex.MissingFields.ShouldBe([field]);
        ex.Message.ShouldContain(human);
    }

    [Fact]
    public async Task UpdateAsync_StaleModified_ReturnsStaleWriteWithDecodedMessageAndSendsExpectedModified()
    {
        var exchange = TranscriptLibrary.Exchange("14-put-stale-modified.json", "PUT again with the now stale modified");
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);

        var result = await client.UpdateAsync("Sync Order", "SO-2026-00001", new JsonObject { ["notes"] = "edit 2" }, "2026-11-22 04:26:30.726203", Ct);

        var stale = result.ShouldBeOfType<StaleWrite>();
        stale.Message.ShouldStartWith("Error: Document has been modified after you have opened it (2026-11-22 04:26:57.814357");
        handler.Requests.Count.ShouldBe(1); // never retried
        var sent = JsonNode.Parse(handler.Requests.Single().Body!)!.AsObject();
        sent["modified"]!.GetValue<string>().ShouldBe("2026-11-22 04:26:30.726203");
        sent["notes"]!.GetValue<string>().ShouldBe("edit 2");
        handler.Requests.Single().Target.ShouldBe(exchange.Path);
    }

    [Fact]
    public async Task UpdateAsync_NotAllowOnSubmitField_ThrowsUpdateAfterSubmit()
    {
        var exchange = TranscriptLibrary.Exchange("16-update-after-submit.json", "non allow_on_submit field");
        using var client = TestSites.Client(new ScriptedHandler().Then(exchange));

        var ex = await Should.ThrowAsync<FrappeUpdateAfterSubmitException>(() => client.UpdateAsync("Sync Order", "SO-2026-00001", new JsonObject { ["total"] = 999 }, null, Ct));

        ex.ExcType.ShouldBe("UpdateAfterSubmitError");
        ex.Message.ShouldContain("Not allowed to change Total after submission from 45.5 to 999.0");
        ex.DocName.ShouldBe("SO-2026-00001");
    }

    [Theory]
    [InlineData("16-update-after-submit.json", "docstatus 1 -> 0", "DocstatusTransitionError", "Cannot change docstatus from 1 (Submitted) to 0 (Draft)")]
    [InlineData("18-cancel-order.json", "PUT notes (allow_on_submit) on a cancelled doc", "ValidationError", "Cannot edit cancelled document")]
    [InlineData("18-cancel-order.json", "PUT docstatus 2 on a draft", "DocstatusTransitionError", "Cannot change docstatus from 0 (Draft) to 2 (Cancelled)")]
    public async Task UpdateAsync_LifecycleRefusal_ThrowsDocstatus(string file, string label, string excType, string human)
    {
        var exchange = TranscriptLibrary.Exchange(file, label);
        using var client = TestSites.Client(new ScriptedHandler().Then(exchange));

        var ex = await Should.ThrowAsync<FrappeDocstatusException>(() => client.UpdateAsync("Sync Order", "SO-2026-00001", exchange.RequestBody!.AsObject(), null, Ct));

        ex.ExcType.ShouldBe(excType);
        ex.Message.ShouldContain(human);
    }

    [Fact]
    public async Task DeleteAsync_Submitted_ThrowsDocstatusWithoutHtml()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(TranscriptLibrary.Exchange("17-delete-submitted.json", 0)));

        var ex = await Should.ThrowAsync<FrappeDocstatusException>(() => client.DeleteAsync("Sync Order", "SO-2026-00001", Ct));

        ex.ExcType.ShouldBe("ValidationError");
        ex.Message.ShouldContain("Submitted Record cannot be deleted. You must Cancel it first.");
        ex.Message.ShouldNotContain("href");
    }

    [Fact]
    public async Task DeleteAsync_DraftThenAgain_TrueThenFalse()
    {
        var handler = new ScriptedHandler()
            .Then(TranscriptLibrary.Exchange("20-delete-draft.json", "delete the draft"))
            .Then(TranscriptLibrary.Exchange("20-delete-draft.json", "DELETE again"));
        using var client = TestSites.Client(handler);

        (await client.DeleteAsync("Sync Order", "SO-2026-00006", Ct)).ShouldBeTrue();
        (await client.DeleteAsync("Sync Order", "SO-2026-00006", Ct)).ShouldBeFalse();
        handler.Requests.Select(r => r.Method).ShouldBe(["DELETE", "DELETE"]);
    }

    [Fact]
    public async Task GetAsync_DeletedDocument_ReturnsNull()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(TranscriptLibrary.Exchange("20-delete-draft.json", "GET after delete")));

        (await client.GetAsync("Sync Order", "SO-2026-00006", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task UpdateAsync_UnknownDocument_ThrowsNotFound()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(TranscriptLibrary.Exchange("27-unknown-doctype-or-doc.json", "PUT unknown document")));

        var ex = await Should.ThrowAsync<FrappeNotFoundException>(() => client.UpdateAsync("Sync Customer", "No Such Customer", new JsonObject { ["territory"] = "x" }, null, Ct));

        ex.Message.ShouldContain("Sync Customer No Such Customer not found");
        ex.ExcType.ShouldBe("DoesNotExistError");
    }

    [Fact]
    public async Task GetAsync_UnknownDocType_ThrowsServerErrorNotNull()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(TranscriptLibrary.Exchange("27-unknown-doctype-or-doc.json", "doc of unknown doctype")));

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.GetAsync("No Such DocType", "x", Ct));

        ex.StatusCode.ShouldBe(500);
        ex.IsTransient.ShouldBeFalse();
        ex.Message.ShouldContain("No module named 'frappe.core.doctype.no_such_doctype'");
    }

    [Fact]
    public async Task ListAsync_BadField_ThrowsValidationWithDataError()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(TranscriptLibrary.Exchange("22-list-fields-filters.json", "bad field name")));

        var ex = await Should.ThrowAsync<FrappeValidationException>(async () =>
        {
            await foreach (var _ in client.ListAsync(new ListQuery("Sync Customer") { Fields = ["name", "no_such_field"] }, Ct))
            {
            }
        });

        ex.ExcType.ShouldBe("DataError");
        ex.Message.ShouldContain("Field not permitted in query: no_such_field");
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("unknown key")]
    [InlineData("malformed header 'token KEYONLY'")]
    public async Task GetAsync_Rejected401_ThrowsAuthenticationWithoutSecret(string label)
    {
        var handler = new ScriptedHandler().Then(TranscriptLibrary.Exchange("26-auth-errors.json", label));
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeAuthenticationException>(() => client.GetAsync("Sync Customer", "Acme Corp", Ct));

        ex.StatusCode.ShouldBe(401);
        ex.ExcType.ShouldBe("AuthenticationError");
        ex.Message.ShouldNotContain(TestSites.Secret);
        handler.Requests.Count.ShouldBe(1);
        handler.Requests.Single().Authorization.ShouldBe($"token {TestSites.Key}:{TestSites.Secret}");
    }

    [Theory]
    [InlineData("no Authorization header, list", "User Guest does not have doctype access via role permission for document Sync Customer")]
    [InlineData("no Authorization header", "User Guest does not have access to this document")]
    public async Task GetAsync_Guest403_ThrowsPermission(string label, string human)
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(TranscriptLibrary.Exchange("26-auth-errors.json", label)));

        var ex = await Should.ThrowAsync<FrappePermissionException>(() => client.GetAsync("Sync Customer", "Acme Corp", Ct));

        ex.ExcType.ShouldBe("PermissionError");
        ex.Message.ShouldContain(human);
    }

    [Fact]
    public async Task InsertAsync_MalformedJsonAnswer500_ThrowsServerWithParsedClass()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(TranscriptLibrary.Exchange("28-malformed-json.json", "truncated JSON body")));

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = "x" }, Ct));

        ex.ExcType.ShouldBe("JSONDecodeError");
        ex.Message.ShouldContain("Expecting value: line 1 column 50");
    }

    [Fact]
    public async Task RenameAsync_OntoExistingName_ThrowsValidation()
    {
        var exchange = TranscriptLibrary.Exchange("29-rename-doc.json", "rename onto an existing name without merge");
        var handler = new ScriptedHandler().Then(exchange);
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeValidationException>(() => client.RenameAsync("Sync Customer", "Hooli", "Acme Corp", false, Ct));

        ex.Message.ShouldContain("Another Sync Customer with name Acme Corp exists, select another name");
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task CreateWebhookAsync_SubmitEventOnPlainDocType_ThrowsValidation()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(TranscriptLibrary.Exchange("31-webhook-create.json", "on_submit on a non-submittable doctype is refused")));

        var ex = await Should.ThrowAsync<FrappeValidationException>(() => client.CreateWebhookAsync(
            new ErpSync.Frappe.Webhooks.WebhookDefinition { DocType = "Sync Customer", DocEvent = "on_submit", RequestUrl = new Uri("http://127.0.0.1:8765/x") }, Ct));

        ex.Message.ShouldContain("DocType must be Submittable for the selected Doc Event");
    }
}
