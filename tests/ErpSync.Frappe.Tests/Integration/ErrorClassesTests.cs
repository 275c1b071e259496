using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Errors;
using ErpSync.Frappe.Http;
using ErpSync.Frappe.Webhooks;
using static ErpSync.Frappe.Tests.Integration.DocumentOperationsTests;

namespace ErpSync.Frappe.Tests.Integration;

/// <summary>Every typed error, provoked on an emulated site over real HTTP.</summary>
public sealed class ErrorClassesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NotFound_GetIsNullUpdateThrows()
    {
        using var client = fixture.Client();

        (await client.GetAsync("Sync Customer", "No Such Customer", Ct)).ShouldBeNull();
        var ex = await Should.ThrowAsync<FrappeNotFoundException>(() => client.UpdateAsync("Sync Customer", "No Such Customer", new JsonObject { ["territory"] = "x" }, null, Ct));
        ex.StatusCode.ShouldBe(404);
        ex.Message.ShouldContain("Sync Customer No Such Customer not found");
    }

    [Fact]
    public async Task Duplicate_SameNameDifferentCase_Throws409()
    {
        using var client = fixture.Client();
        var name = Unique("Dup");
        await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = name }, Ct);

        var ex = await Should.ThrowAsync<FrappeDuplicateException>(() => client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = name.ToUpperInvariant() }, Ct));

        ex.StatusCode.ShouldBe(409);
        ex.ExcType.ShouldBe("DuplicateEntryError");
        ex.Message.ShouldContain("already exists");
    }

    [Fact]
    public async Task TimestampMismatch_OutsideUpdateAsync_ThrowsTyped()
    {
        using var client = fixture.Client();
        var created = await client.CreateWebhookAsync(Hook("on_update"), Ct);
        await client.UpdateWebhookAsync(created.Name, Hook("on_update") with { Enabled = false }, created.Modified, Ct);

        var ex = await Should.ThrowAsync<FrappeTimestampMismatchException>(() => client.UpdateWebhookAsync(created.Name, Hook("on_update"), created.Modified, Ct));

        ex.ExcType.ShouldBe("TimestampMismatchError");
        ex.StatusCode.ShouldBe(417);
    }

    [Fact]
    public async Task LinkValidation_MissingParentAndChildTargets_ResolvedToDocTypes()
    {
        using var client = fixture.Client();
        var order = Order(null, "No Such Customer");
        order["items"]![0]!["item_code"] = "NO-SUCH-ITEM";

        var ex = await Should.ThrowAsync<FrappeLinkValidationException>(() => client.InsertAsync("Sync Order", order, Ct));

        ex.ExcType.ShouldBe("LinkValidationError");
        ex.MissingLinks.ShouldBe([new MissingLink("Sync Customer", "No Such Customer", "customer"), new MissingLink("Sync Item", "NO-SUCH-ITEM", "item_code", 1)]);
    }

    [Fact]
    public async Task Mandatory_MissingCustomer_ListsTheField()
    {
        using var client = fixture.Client();
        var order = Order(null);
        order.Remove("customer");

        var ex = await Should.ThrowAsync<FrappeMandatoryException>(() => client.InsertAsync("Sync Order", order, Ct));

        ex.MissingFields.ShouldBe(["customer"]);
        ex.Message.ShouldContain("Value missing for Sync Order: Customer");
    }

    [Fact]
    public async Task UpdateAfterSubmit_AndDocstatusRefusals_AreTyped()
    {
        using var client = fixture.Client();
        var name = (await client.InsertAsync("Sync Order", Order(null), Ct))["name"]!.GetValue<string>();
        await client.SubmitAsync("Sync Order", name, null, Ct);

        await Should.ThrowAsync<FrappeUpdateAfterSubmitException>(() => client.UpdateAsync("Sync Order", name, new JsonObject { ["total"] = 999 }, null, Ct));
        (await client.UpdateAsync("Sync Order", name, new JsonObject { ["notes"] = "allowed after submit" }, null, Ct)).ShouldBeOfType<Written>();
        (await Should.ThrowAsync<FrappeDocstatusException>(() => client.DeleteAsync("Sync Order", name, Ct))).Message.ShouldContain("Submitted Record cannot be deleted");
        (await Should.ThrowAsync<FrappeDocstatusException>(() => client.UpdateAsync("Sync Order", name, new JsonObject { ["docstatus"] = 0 }, null, Ct))).ExcType.ShouldBe("DocstatusTransitionError");
        await client.CancelAsync("Sync Order", name, null, Ct);
        (await Should.ThrowAsync<FrappeDocstatusException>(() => client.UpdateAsync("Sync Order", name, new JsonObject { ["notes"] = "x" }, null, Ct))).Message.ShouldContain("Cannot edit cancelled document");

        var draft = (await client.InsertAsync("Sync Order", Order(null), Ct))["name"]!.GetValue<string>();
        (await Should.ThrowAsync<FrappeDocstatusException>(() => client.CancelAsync("Sync Order", draft, null, Ct))).Message.ShouldContain("Cannot change docstatus from 0 (Draft) to 2 (Cancelled)");
    }

    [Fact]
    public async Task Validation_BadListFieldAndRenameOntoExisting_Throw417()
    {
        using var client = fixture.Client();

        var data = await Should.ThrowAsync<FrappeValidationException>(() => client.ListAsync(new ListQuery("Sync Customer") { Fields = ["name", "no_such_field"] }, Ct).ToListAsync(Ct).AsTask());
        data.ExcType.ShouldBe("DataError");
        var other = Unique("Other");
        await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = other }, Ct);
        var rename = await Should.ThrowAsync<FrappeValidationException>(() => client.RenameAsync("Sync Customer", other, "Acme Corp", false, Ct));
        rename.Message.ShouldContain("Another Sync Customer with name Acme Corp exists");
    }

    [Fact]
    public async Task Permission_MethodCalledWithRefusedVerb_Throws403()
    {
        using var client = fixture.Client();
        var request = new FrappeRequest(HttpMethod.Post, FrappeUrl.Method("frappe.desk.form.load.getdoctype"),
            new RequestContext(SiteName.Cloud, "POST", "frappe.desk.form.load.getdoctype"), new JsonObject { ["doctype"] = "Sync Order" });

        var ex = await Should.ThrowAsync<FrappePermissionException>(() => client.Transport.SendAsync(request, Ct));

        ex.StatusCode.ShouldBe(403);
    }

    [Fact]
    public async Task Authentication_WrongSecret_Throws401WithoutTheSecret()
    {
        using var client = fixture.Client(fixture.Options() with { ApiSecret = "wrong-secret-value" });

        var ex = await Should.ThrowAsync<FrappeAuthenticationException>(() => client.GetSiteInfoAsync(Ct));

        ex.StatusCode.ShouldBe(401);
        ex.Message.ShouldNotContain("wrong-secret-value");
    }

    [Fact]
    public async Task Server_UnknownDocType_Throws500NotTransient()
    {
        using var client = fixture.Client();

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.InsertAsync("No Such DocType", new JsonObject { ["a"] = 1 }, Ct));

        ex.StatusCode.ShouldBe(500);
        ex.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task Unavailable_SiteStopped_ReportsConnectionRefused()
    {
        await using var site = await ErpSync.Emulator.EmulatedSite.StartAsync(new ErpSync.Emulator.EmulatorOptions { SeedErpNext = false }, Ct);
        var options = fixture.Options() with { BaseUrl = site.BaseUrl, ApiKey = site.ApiKey, ApiSecret = site.ApiSecret };
        await site.StopAsync(Ct);
        using var client = fixture.Client(options);

        var ex = await Should.ThrowAsync<FrappeUnavailableException>(() => client.GetAsync("Sync Customer", "x", Ct));

        ex.Message.ShouldContain($"connection refused by 127.0.0.1:{site.BaseUrl.Port}");
        ex.IsTransient.ShouldBeTrue();
    }

    internal static WebhookDefinition Hook(string docEvent) => new()
    {
        DocType = "Sync Customer",
        DocEvent = docEvent,
        RequestUrl = new Uri("http://127.0.0.1:9/hook"),
        WebhookJson = """{"name": {{ doc.name | json }}}""",
    };
}
