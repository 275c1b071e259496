using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Canonical;

public sealed class CanonicalizerLinkTests
{
    [Fact]
    public void Canonicalize_GlobalAndDocTypeExclusions_RemoveFieldsEverywhere()
    {
        var rules = new ContentRules(globalExclusions: ["uom"], docTypeExclusions: ["terms", "items.description"]);
        var doc = Docs.SalesOrder();
        doc["items"]!.AsArray()[0]!["description"] = "long text";

        var content = Canon.Of(doc, ErpNextMeta.SalesOrder, rules: rules).Content;

        content.ContainsKey("terms").ShouldBeFalse();
        var row = content["items"]!.AsArray()[0]!.AsObject();
        row.ContainsKey("uom").ShouldBeFalse();
        row.ContainsKey("description").ShouldBeFalse();
    }

    [Fact]
    public void Canonicalize_LocalLinks_AreTranslatedToCloudNames()
    {
        var names = new NameMap(["Customer"], [new NamePair("Customer", "CUST-2026-00007", "CUST-2026-00001")]);
        var local = Docs.SalesOrder(name: "SAL-ORD-2026-00042", customer: "CUST-2026-00001");
        var cloud = Docs.SalesOrder(name: "SAL-ORD-2026-00001", customer: "CUST-2026-00007");

        var fromLocal = Canon.Of(local, ErpNextMeta.SalesOrder, SiteName.Local, names);

        fromLocal["customer"]!.GetValue<string>().ShouldBe("CUST-2026-00007");
        fromLocal.Hash.ShouldBe(Canon.Of(cloud, ErpNextMeta.SalesOrder, SiteName.Cloud, names).Hash);
    }

    [Fact]
    public void Canonicalize_UnmappedLocalLink_BecomesMarkerThatNeverEqualsACloudName()
    {
        var names = new NameMap(["Customer"]);
        var local = Docs.SalesOrder(customer: "CUST-2026-00001");
        var cloud = Docs.SalesOrder(customer: "CUST-2026-00001");

        var fromLocal = Canon.Of(local, ErpNextMeta.SalesOrder, SiteName.Local, names);

        fromLocal.Json.ShouldContain("\"customer\":{\"$local\":\"CUST-2026-00001\"}");
        fromLocal.Hash.ShouldNotBe(Canon.Of(cloud, ErpNextMeta.SalesOrder, SiteName.Cloud, names).Hash);
    }

    [Fact]
    public void Canonicalize_DynamicLinks_TranslateThroughTheirDocTypeField()
    {
        var names = new NameMap(["Customer", "Sales Order"],
        [
            new NamePair("Customer", "CUST-C-1", "CUST-L-1"),
            new NamePair("Sales Order", "SO-C-9", "SO-L-3"),
        ]);
        var local = Docs.Parse("""
            {"name":"PE-1","party_type":"Customer","party":"CUST-L-1","paid_amount":10,
             "references":[{"name":"r1","idx":1,"reference_doctype":"Sales Order","reference_name":"SO-L-3","allocated_amount":10}]}
            """);

        var canonical = Canon.Of(local, ErpNextMeta.PaymentEntry, SiteName.Local, names);

        canonical["party"]!.GetValue<string>().ShouldBe("CUST-C-1");
        canonical["references"]![0]!["reference_name"]!.GetValue<string>().ShouldBe("SO-C-9");
    }

    [Fact]
    public void Canonicalize_AmendedFromMissingFromMeta_IsStillTreatedAsLink()
    {
        var meta = ErpNextMeta.SalesOrder with { Fields = ErpNextMeta.SalesOrder.Fields.Where(f => f.Fieldname != "amended_from").ToList() };
        var names = new NameMap(["Sales Order"], [new NamePair("Sales Order", "SAL-ORD-2026-00003", "SAL-ORD-2026-00009")]);
        var local = Docs.SalesOrder();
        local["amended_from"] = "SAL-ORD-2026-00009";

        Canon.Of(local, meta, SiteName.Local, names)["amended_from"]!.GetValue<string>().ShouldBe("SAL-ORD-2026-00003");
    }
}
