using System.Text.Json.Nodes;
using ErpSync.Core.Sites;

namespace ErpSync.Frappe.Tests.Integration;

/// <summary>Every <see cref="IFrappeSite"/> operation against an emulated site over real HTTP.</summary>
public sealed class DocumentOperationsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetSiteInfoAsync_EmulatedSite_ReportsUserVersionAndTimeZone()
    {
        using var client = fixture.Client();

        var info = await client.GetSiteInfoAsync(Ct);

        info.User.ShouldBe("Administrator");
        info.TimeZone.ShouldBe(fixture.Site.Backdoor.TimeZone);
        info.FrappeVersion.ShouldNotBeNullOrWhiteSpace();
        info.Url.ShouldBe(fixture.Site.BaseUrl.ToString().TrimEnd('/'));
        info.RoundTrip.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task GetMetaAsync_SubmittableWithChildTable_ReadsFieldsLinksAndChildren()
    {
        using var client = fixture.Client();

        var meta = await client.GetMetaAsync("Sync Order", Ct);

        meta.IsSubmittable.ShouldBeTrue();
        meta.Autoname.ShouldBe("naming_series:");
        meta.Field("customer")!.Options.ShouldBe("Sync Customer");
        meta.Field("notes")!.AllowOnSubmit.ShouldBeTrue();
        meta.Children["Sync Order Item"].Field("item_code")!.Options.ShouldBe("Sync Item");
        (await client.GetMetaAsync("Sync Order", Ct)).ShouldBeSameAs(meta);
        (await client.GetMetaAsync("Sync Customer", Ct)).Autoname.ShouldBe("field:customer_name");
    }

    [Fact]
    public async Task GetMetaAsync_ErpNextSalesOrder_ReadsLinksAndChildTable()
    {
        using var client = fixture.Client();

        var meta = await client.GetMetaAsync("Sales Order", Ct);

        meta.IsSubmittable.ShouldBeTrue();
        meta.Autoname.ShouldBe("naming_series:");
        meta.LinkFields.Select(f => (f.Fieldname, f.Options)).ShouldContain(("customer", "Customer"));
        meta.LinkFields.Select(f => (f.Fieldname, f.Options)).ShouldContain(("company", "Company"));
        meta.Children.Keys.ShouldContain("Sales Order Item");
        meta.Children["Sales Order Item"].LinkFields.Select(f => f.Options).ShouldContain("Item");
        await Should.ThrowAsync<FrappeNotFoundException>(() => client.GetMetaAsync("No Such DocType", Ct));
    }

    [Fact]
    public async Task Lifecycle_InsertGetUpdateDelete_RoundTripsTheDocument()
    {
        using var client = fixture.Client();
        var name = Unique("Lifecycle");

        var created = await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = name, ["credit_limit"] = 1234.5, ["territory"] = "India" }, Ct);
        created["name"]!.GetValue<string>().ShouldBe(name);
        created["credit_limit"]!.ToJsonString().ShouldBe("1234.5");

        var read = await client.GetAsync("Sync Customer", name, Ct);
        read.ShouldNotBeNull();
        read["modified"]!.GetValue<string>().ShouldBe(created["modified"]!.GetValue<string>());

        var updated = await client.UpdateAsync("Sync Customer", name, new JsonObject { ["territory"] = "EU" }, read["modified"]!.GetValue<string>(), Ct);
        var written = updated.ShouldBeOfType<Written>().Document;
        written["territory"]!.GetValue<string>().ShouldBe("EU");
        written["credit_limit"]!.ToJsonString().ShouldBe("1234.5");
        fixture.Site.Backdoor.Get("Sync Customer", name)!["territory"]!.GetValue<string>().ShouldBe("EU");

        (await client.DeleteAsync("Sync Customer", name, Ct)).ShouldBeTrue();
        (await client.GetAsync("Sync Customer", name, Ct)).ShouldBeNull();
        (await client.DeleteAsync("Sync Customer", name, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task UpdateAsync_SomeoneElseSavedMeanwhile_ReturnsStaleWriteAndChangesNothing()
    {
        using var client = fixture.Client();
        var name = Unique("Stale");
        var created = await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = name }, Ct);
        fixture.Site.Backdoor.Update("Sync Customer", name, new JsonObject { ["territory"] = "desk edit" });

        var result = await client.UpdateAsync("Sync Customer", name, new JsonObject { ["territory"] = "sync edit" }, created["modified"]!.GetValue<string>(), Ct);

        result.ShouldBeOfType<StaleWrite>().Message.ShouldContain("Document has been modified after you have opened it");
        fixture.Site.Backdoor.Get("Sync Customer", name)!["territory"]!.GetValue<string>().ShouldBe("desk edit");
    }

    [Fact]
    public async Task InsertAsync_NewNameOnNamingSeries_IsHonoured()
    {
        using var client = fixture.Client();
        var wanted = Unique("CLIENT-SO");

        var order = await client.InsertAsync("Sync Order", Order(wanted), Ct);

        order["name"]!.GetValue<string>().ShouldBe(wanted);
        order["items"]!.AsArray().Single()!.AsObject().ContainsKey("__unsaved").ShouldBeFalse();
    }

    [Fact]
    public async Task SubmitAndCancel_WithCompareAndSwap_MoveTheLifecycle()
    {
        using var client = fixture.Client();
        var order = await client.InsertAsync("Sync Order", Order(null), Ct);
        var name = order["name"]!.GetValue<string>();

        var submitted = (await client.SubmitAsync("Sync Order", name, order["modified"]!.GetValue<string>(), Ct)).ShouldBeOfType<Written>().Document;
        submitted["docstatus"]!.GetValue<int>().ShouldBe(1);
        submitted["items"]![0]!["docstatus"]!.GetValue<int>().ShouldBe(1);

        (await client.CancelAsync("Sync Order", name, order["modified"]!.GetValue<string>(), Ct)).ShouldBeOfType<StaleWrite>();
        var cancelled = (await client.CancelAsync("Sync Order", name, submitted["modified"]!.GetValue<string>(), Ct)).ShouldBeOfType<Written>().Document;
        cancelled["docstatus"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task RenameAsync_LinkedCustomer_RenamesAndRewritesLinks()
    {
        using var client = fixture.Client();
        var oldName = Unique("Globex");
        var newName = oldName + " Corporation";
        await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = oldName }, Ct);
        var order = await client.InsertAsync("Sync Order", Order(null, oldName), Ct);

        (await client.RenameAsync("Sync Customer", oldName, newName, false, Ct)).ShouldBe(newName);

        (await client.GetAsync("Sync Customer", oldName, Ct)).ShouldBeNull();
        (await client.GetAsync("Sync Customer", newName, Ct)).ShouldNotBeNull();
        (await client.GetAsync("Sync Order", order["name"]!.GetValue<string>(), Ct))!["customer"]!.GetValue<string>().ShouldBe(newName);
    }

    [Fact]
    public async Task ListAsync_FieldsFiltersOrFiltersOrderAndLimit_AreApplied()
    {
        using var client = fixture.Client(fixture.Options() with { PageSize = 2 });
        var group = Unique("grp");
        foreach (var (suffix, territory, limit) in new[] { ("a", "UK", 10), ("b", "India", 20), ("c", "USA", 30), ("d", "UK", 40) })
            await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = $"{group} {suffix}", ["customer_group"] = group, ["territory"] = territory, ["credit_limit"] = limit }, Ct);

        var rows = await client.ListAsync(new ListQuery("Sync Customer")
        {
            Fields = ["name", "territory", "credit_limit"],
            Filters = [new ListFilter("customer_group", "=", group), new ListFilter("credit_limit", ">=", 15)],
            OrFilters = [new ListFilter("territory", "=", "UK"), new ListFilter("territory", "=", "India")],
            OrderBy = "credit_limit desc",
        }, Ct).ToListAsync(Ct);

        rows.Select(r => r["name"]!.GetValue<string>()).ShouldBe([$"{group} d", $"{group} b"]);
        rows[0].Select(p => p.Key).ShouldBe(["name", "territory", "credit_limit"]);
        (await client.ListAsync(new ListQuery("Sync Customer") { Filters = [new ListFilter("customer_group", "=", group)], Limit = 3 }, Ct).CountAsync(Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task ListModifiedSinceAsync_Cursor_ReturnsLaterDocumentsWithTiesAfterTheCursor()
    {
        using var client = fixture.Client(fixture.Options() with { PageSize = 2 });
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var note = await client.InsertAsync("Sync Note", new JsonObject { ["title"] = Unique("since") }, Ct);
            names.Add(note["name"]!.GetValue<string>());
        }

        // Three notes share one modified value, as a bulk server-side update leaves them.
        var tie = fixture.Site.Backdoor.Get("Sync Note", names[1])!["modified"]!.GetValue<string>();
        fixture.Site.Backdoor.SetValue("Sync Note", names[2], "modified", tie);
        fixture.Site.Backdoor.SetValue("Sync Note", names[3], "modified", tie);
        var tied = names.Skip(1).Take(3).Order(StringComparer.Ordinal).ToList();
        var cursor = new DocCursor(tie, tied[0]);

        var since = await client.ListModifiedSinceAsync("Sync Note", cursor, Ct).Where(s => names.Contains(s.Name)).Select(s => s.Name).ToListAsync(Ct);

        since.ShouldBe([tied[1], tied[2], names[4]]);
        var all = await client.ListStampsAsync("Sync Note", Ct).Where(s => names.Contains(s.Name)).ToListAsync(Ct);
        all.Select(s => s.Name).ShouldBe([names[0], .. tied, names[4]]);
    }

    [Fact]
    public async Task ListDeletedSinceAsync_DeletedOrders_ReturnsRowsWithTheDeletedDocument()
    {
        using var client = fixture.Client();
        var start = fixture.Site.Backdoor.Now();
        var first = (await client.InsertAsync("Sync Order", Order(null), Ct))["name"]!.GetValue<string>();
        var second = (await client.InsertAsync("Sync Order", Order(null), Ct))["name"]!.GetValue<string>();
        await client.DeleteAsync("Sync Order", first, Ct);
        await client.DeleteAsync("Sync Order", second, Ct);

        var deleted = await client.ListDeletedSinceAsync("Sync Order", new DocCursor(start, ""), Ct).ToListAsync(Ct);

        deleted.Select(d => d.DeletedName).ShouldBe([first, second]);
        deleted.ShouldAllBe(d => d.DeletedDocType == "Sync Order" && d.Data != null && d.Data["items"]!.AsArray().Count == 1);
        var after = await client.ListDeletedSinceAsync("Sync Order", new DocCursor(deleted[0].Creation, deleted[0].Name), Ct).ToListAsync(Ct);
        after.Select(d => d.DeletedName).ShouldBe([second]);
    }

    [Theory]
    [InlineData("Space Name Co")]
    [InlineData("A/B Trading Co")]
    [InlineData("Hash #1 Co")]
    [InlineData("100% Cotton Co")]
    [InlineData("Why? Co")]
    [InlineData("Müller & Söhne GmbH")]
    [InlineData("A+B Co")]
    [InlineData("東京 Trading")]
    public async Task Operations_SpecialCharactersInName_WorkOverRealHttp(string baseName)
    {
        using var client = fixture.Client();
        var name = baseName + " " + Guid.NewGuid().ToString("N")[..6];

        (await client.InsertAsync("Sync Customer", new JsonObject { ["customer_name"] = name }, Ct))["name"]!.GetValue<string>().ShouldBe(name);
        (await client.GetAsync("Sync Customer", name, Ct))!["customer_name"]!.GetValue<string>().ShouldBe(name);
        (await client.UpdateAsync("Sync Customer", name, new JsonObject { ["territory"] = "EU" }, null, Ct)).ShouldBeOfType<Written>();
        fixture.Site.Backdoor.Get("Sync Customer", name)!["territory"]!.GetValue<string>().ShouldBe("EU");
        (await client.ListStampsAsync("Sync Customer", Ct).AnyAsync(s => s.Name == name, Ct)).ShouldBeTrue();
        (await client.DeleteAsync("Sync Customer", name, Ct)).ShouldBeTrue();
        fixture.Site.Backdoor.Exists("Sync Customer", name).ShouldBeFalse();
    }

    [Fact]
    public async Task Webhooks_CreateListUpdate_KeepChildTablesAndMaskTheSecret()
    {
        using var client = fixture.Client();
        var url = new Uri($"http://127.0.0.1:9/{Guid.NewGuid():N}");
        var definition = new ErpSync.Frappe.Webhooks.WebhookDefinition
        {
            Name = Unique("erpsync hook"),
            DocType = "Sync Order",
            DocEvent = "on_submit",
            RequestUrl = url,
            WebhookJson = """{"name": {{ doc.name | json }}, "modified": {{ doc.modified | json }}}""",
            Condition = "doc.modified_by != 'sync@example.com'",
            EnableSecurity = true,
            Secret = "hook-secret-123",
            Headers = [new("Content-Type", "application/json"), new("X-Sync-Source", "cloud")],
        };

        var created = await client.CreateWebhookAsync(definition, Ct);
        var listed = (await client.ListWebhooksAsync("Sync Order", Ct)).Single(h => h.Definition.RequestUrl == url);
        var updated = await client.UpdateWebhookAsync(created.Name, definition with { Secret = null, Headers = [new("Content-Type", "application/json")], Enabled = false }, listed.Modified, Ct);

        created.HasSecret.ShouldBeTrue();
        created.Definition.Secret.ShouldBeNull();
        listed.Name.ShouldBe(created.Name);
        listed.Definition.Headers.ShouldBe(definition.Headers);
        listed.Definition.Condition.ShouldBe(definition.Condition);
        listed.Definition.WebhookJson.ShouldBe(definition.WebhookJson);
        updated.Definition.Enabled.ShouldBeFalse();
        updated.Definition.Headers.ShouldBe([new("Content-Type", "application/json")]);
        updated.HasSecret.ShouldBeTrue();
        (await client.ListWebhooksAsync("Sync Customer", Ct)).ShouldNotContain(h => h.Name == created.Name);
    }

    internal static JsonObject Order(string? newName, string customer = "Acme Corp")
    {
        var order = new JsonObject
        {
            ["customer"] = customer,
            ["transaction_date"] = "2026-11-21",
            ["total"] = 45.5,
            ["items"] = new JsonArray(new JsonObject { ["item_code"] = "ITEM-001", ["qty"] = 2, ["rate"] = 10, ["amount"] = 20 }),
        };
        if (newName is not null)
            order["__newname"] = newName;
        return order;
    }

    internal static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
