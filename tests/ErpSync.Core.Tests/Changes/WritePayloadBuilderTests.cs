using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Changes;
using ErpSync.Core.Configuration;
using ErpSync.Core.Dependencies;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Changes;

public sealed class WritePayloadBuilderTests
{
    private static readonly NameMap Names = new(["Customer", "Sales Order"],
    [
        new NamePair("Customer", "CUST-2026-00001", "CUST-L-1"),
        new NamePair("Customer", "CUST-2026-00002", "CUST-L-2"),
        new NamePair("Customer", "CUST-2026-00003", "CUST-L-3"),
        new NamePair("Sales Order", "SAL-ORD-2026-00001", "SO-L-9"),
    ]);

    private static readonly string[] NeverSent = ["name", "owner", "creation", "modified", "modified_by", "docstatus", "idx", "doctype", "naming_series", "parent", "parenttype", "parentfield", "_user_tags"];

    private static (CanonicalDocument Current, JsonObject Raw) LocalTarget(JsonObject? raw = null)
    {
        raw ??= Docs.SalesOrder(name: "SO-L-9", customer: "CUST-L-1");
        return (Canon.Of(raw, ErpNextMeta.SalesOrder, SiteName.Local, Names), raw);
    }

    private static UpdatePayload Update(CanonicalDocument desired, CanonicalDocument current, JsonObject raw, int docstatus = Docstatus.Draft, ContentRules? rules = null, IReadOnlyCollection<string>? only = null) =>
        WritePayloadBuilder.BuildUpdate(ErpNextMeta.SalesOrder, rules ?? ContentRules.None, desired, current, raw, docstatus, SiteName.Local, Names, only);

    [Fact]
    public void BuildUpdate_ScalarChange_SendsOnlyThatFieldTranslated()
    {
        var (current, raw) = LocalTarget();
        var desired = current.With("customer", "CUST-2026-00002").With("po_no", "PO-1");

        var payload = Update(desired, current, raw);

        payload.Body.ToJsonString().ShouldBe("""{"customer":"CUST-L-2","po_no":"PO-1"}""");
        payload.Fields.ShouldBe(["customer", "po_no"]);
        payload.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void BuildUpdate_ClearedField_SendsExplicitNull()
    {
        var (current, raw) = LocalTarget();

        Update(current.With("terms", null), current, raw).Body.ToJsonString().ShouldBe("""{"terms":null}""");
    }

    [Fact]
    public void BuildUpdate_NoDifference_IsEmpty()
    {
        var (current, raw) = LocalTarget();

        Update(current, current, raw).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void BuildUpdate_ChangedRow_SendsTheWholeTableWithTheTargetsOwnRowNames()
    {
        var (current, raw) = LocalTarget();
        var content = current.Content;
        content["items"]![1]!["qty"] = 4;

        var body = Update(CanonicalDocument.FromContent(content), current, raw).Body;

        var rows = body["items"]!.AsArray();
        rows.Select(r => r!["name"]!.GetValue<string>()).ShouldBe(["ak1j5kfhdb", "ak1jj77cfg"]);
        rows[1]!["qty"]!.ToJsonString().ShouldBe("4");
        rows[0]!.AsObject().Select(p => p.Key).ShouldNotContain("parent");
    }

    [Fact]
    public void BuildUpdate_NewRow_IsSentWithoutAName()
    {
        var (current, raw) = LocalTarget();
        var content = current.Content;
        content["items"]!.AsArray().Insert(0, new JsonObject { ["item_code"] = "ITEM-009", ["qty"] = 1 });

        var rows = Update(CanonicalDocument.FromContent(content), current, raw).Body["items"]!.AsArray();

        rows[0]!.AsObject().ContainsKey("name").ShouldBeFalse();
        rows.Skip(1).Select(r => r!["name"]!.GetValue<string>()).ShouldBe(["ak1j5kfhdb", "ak1jj77cfg"]);
    }

    [Fact]
    public void BuildUpdate_UnmappedCustomer_ReportsAMissingDependency()
    {
        var (current, raw) = LocalTarget();

        var payload = Update(current.With("customer", "CUST-2026-00099"), current, raw);

        payload.IsComplete.ShouldBeFalse();
        payload.MissingLinks.ShouldBe([new DocRef("Customer", "CUST-2026-00099")]);
    }

    [Fact]
    public void BuildUpdate_OnlyFields_RestrictsTheBody()
    {
        var (current, raw) = LocalTarget();
        var desired = current.With("po_no", "PO-1").With("per_delivered", 50);

        Update(desired, current, raw, Docstatus.Submitted, only: ["po_no"]).Body.ToJsonString().ShouldBe("""{"po_no":"PO-1"}""");
    }

    [Fact]
    public void BuildUpdate_SubmittedTarget_KeepsFrozenRowFieldsAtTheTargetsValues()
    {
        var (current, raw) = LocalTarget();
        var content = current.Content;
        content["items"]![0]!["warehouse"] = "Stores - AC";
        content["items"]![0]!["delivered_qty"] = 2; // derived on the target, must not be sent changed
        var desired = CanonicalDocument.FromContent(content);

        var row = Update(desired, current, raw, Docstatus.Submitted, only: ["items"]).Body["items"]![0]!.AsObject();

        row["warehouse"]!.GetValue<string>().ShouldBe("Stores - AC");
        row["delivered_qty"]!.ToJsonString().ShouldBe("0");
        row["name"]!.GetValue<string>().ShouldBe("ak1j5kfhdb");
    }

    [Fact]
    public void BuildInsert_NamingSeries_LetsTheTargetNameItAndSendsNoIdentity()
    {
        var desired = Canon.Of(Docs.SalesOrder(), ErpNextMeta.SalesOrder);

        var payload = WritePayloadBuilder.BuildInsert(ErpNextMeta.SalesOrder, ContentRules.None, desired, SiteName.Local, Names, NamingResolver.Resolve(ErpNextMeta.SalesOrder), "SAL-ORD-2026-00001");

        payload.RequestedName.ShouldBeNull();
        payload.Body["customer"]!.GetValue<string>().ShouldBe("CUST-L-1");
        foreach (var key in NeverSent.Append("__newname"))
            payload.Body.ContainsKey(key).ShouldBeFalse(key);
        payload.Body["items"]!.AsArray().ShouldAllBe(r => !r!.AsObject().ContainsKey("name"));
    }

    [Fact]
    public void BuildInsert_PromptNaming_SendsNewName()
    {
        var meta = ErpNextMeta.Item with { Autoname = "Prompt" };
        var desired = Canon.Of(Docs.Item("WIDGET"), meta);

        var payload = WritePayloadBuilder.BuildInsert(meta, ContentRules.None, desired, SiteName.Cloud, Names, NamingResolver.Resolve(meta), "WIDGET");

        payload.RequestedName.ShouldBe("WIDGET");
        payload.Body["__newname"]!.GetValue<string>().ShouldBe("WIDGET");
    }

    [Fact]
    public void BuildInsert_FieldNaming_SendsNoNewName()
    {
        var desired = Canon.Of(Docs.Item("WIDGET"), ErpNextMeta.Item);

        var payload = WritePayloadBuilder.BuildInsert(ErpNextMeta.Item, ContentRules.None, desired, SiteName.Cloud, Names, NamingResolver.Resolve(ErpNextMeta.Item), "WIDGET");

        payload.Body.ContainsKey("__newname").ShouldBeFalse();
        payload.Body["item_code"]!.GetValue<string>().ShouldBe("WIDGET");
    }

    [Fact]
    public void BuildInsert_Amendment_PointsAtTheMappedOriginal()
    {
        var source = Docs.SalesOrder(name: "SAL-ORD-2026-00001-1");
        source["amended_from"] = "SAL-ORD-2026-00001";
        var desired = Canon.Of(source, ErpNextMeta.SalesOrder);

        var payload = WritePayloadBuilder.BuildInsert(ErpNextMeta.SalesOrder, ContentRules.None, desired, SiteName.Local, Names, NamingResolver.Resolve(ErpNextMeta.SalesOrder), "SAL-ORD-2026-00001-1");

        payload.Body["amended_from"]!.GetValue<string>().ShouldBe("SO-L-9");
        payload.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void BuildInsert_ToCloudWithUnmappedLocalLink_ReportsTheLocalName()
    {
        var local = Docs.SalesOrder(name: "SO-L-77", customer: "CUST-L-NEW");
        var desired = Canon.Of(local, ErpNextMeta.SalesOrder, SiteName.Local, Names);

        var payload = WritePayloadBuilder.BuildInsert(ErpNextMeta.SalesOrder, ContentRules.None, desired, SiteName.Cloud, Names, NamingResolver.Resolve(ErpNextMeta.SalesOrder), "SO-L-77");

        payload.MissingLinks.ShouldBe([new DocRef("Customer", "CUST-L-NEW")]);
        payload.MissingLinks[0].MissingDependencyReason.ShouldBe("missing dependency Customer/CUST-L-NEW");
    }

    public static TheoryData<bool> KeyModes => new() { true, false };

    [Theory]
    [MemberData(nameof(KeyModes))]
    public void BuildUpdate_AppliedWithFrappePutSemantics_YieldsTheDesiredContent(bool keyed)
    {
        var rules = keyed ? new ContentRules(keyFields: new Dictionary<string, IReadOnlyList<string>> { ["items"] = ["item_code"] }) : ContentRules.None;
        var generator = new DocGenerator(61);
        for (var run = 0; run < 150; run++)
        {
            var desired = Canon.Of(generator.Render(generator.Semantic()), ErpNextMeta.SalesOrder, SiteName.Cloud, Names, rules);
            var targetSemantic = generator.Semantic();
            targetSemantic["customer"] = Names.Translate("Customer", (string)targetSemantic["customer"]!, SiteName.Cloud);
            var raw = generator.Render(targetSemantic, name: "SO-L-9");
            var current = Canon.Of(raw, ErpNextMeta.SalesOrder, SiteName.Local, Names, rules);

            var payload = WritePayloadBuilder.BuildUpdate(ErpNextMeta.SalesOrder, rules, desired, current, raw, Docstatus.Draft, SiteName.Local, Names);
            var written = FrappePut.Apply(raw, payload.Body);

            Canon.Of(written, ErpNextMeta.SalesOrder, SiteName.Local, Names, rules).Json.ShouldBe(desired.Json, $"run {run}: {payload.Body.ToJsonString()}");
            foreach (var key in NeverSent)
                payload.Body.ContainsKey(key).ShouldBeFalse(key);
            var ownRowNames = raw["items"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToHashSet();
            var sentRowNames = (payload.Body["items"] as JsonArray)?.Select(r => r!["name"]?.GetValue<string>()).OfType<string>().ToList() ?? [];
            sentRowNames.ShouldAllBe(n => ownRowNames.Contains(n));
            sentRowNames.Distinct().Count().ShouldBe(sentRowNames.Count);
        }
    }

    [Fact]
    public void BuildInsert_CreatedWithFrappeSemantics_YieldsTheDesiredContent()
    {
        var generator = new DocGenerator(62);
        var naming = NamingResolver.Resolve(ErpNextMeta.SalesOrder, NamingMode.Auto);
        for (var run = 0; run < 150; run++)
        {
            var desired = Canon.Of(generator.Render(generator.Semantic()), ErpNextMeta.SalesOrder, SiteName.Cloud, Names);

            var payload = WritePayloadBuilder.BuildInsert(ErpNextMeta.SalesOrder, ContentRules.None, desired, SiteName.Local, Names, naming, "SAL-ORD-2026-00001");
            var created = FrappePut.Apply(new JsonObject { ["name"] = "SO-L-NEW", ["naming_series"] = "SO-LOCAL-" }, payload.Body);

            Canon.Of(created, ErpNextMeta.SalesOrder, SiteName.Local, Names).Json.ShouldBe(desired.Json, $"run {run}");
        }
    }
}
