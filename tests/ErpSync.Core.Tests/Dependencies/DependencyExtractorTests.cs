using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Canonical;
using ErpSync.Core.Dependencies;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Dependencies;

public sealed class DependencyExtractorTests
{
    [Fact]
    public void Extract_SalesOrder_ListsParentAndChildRowLinksOnceSorted()
    {
        var refs = DependencyExtractor.Extract(Docs.SalesOrder(), ErpNextMeta.SalesOrder, ContentRules.None);

        refs.ShouldBe(
        [
            new DocRef("Currency", "INR"),
            new DocRef("Customer", "CUST-2026-00001"),
            new DocRef("Item", "ITEM-001"),
            new DocRef("Item", "ITEM-002"),
            new DocRef("UOM", "Nos"),
        ]);
    }

    [Fact]
    public void Extract_AmendedFrom_IsADependencyOnTheOriginal()
    {
        var doc = Docs.SalesOrder(name: "SAL-ORD-2026-00001-1");
        doc["amended_from"] = "SAL-ORD-2026-00001";

        DependencyExtractor.Extract(doc, ErpNextMeta.SalesOrder, ContentRules.None)
            .ShouldContain(new DocRef("Sales Order", "SAL-ORD-2026-00001"));
    }

    [Fact]
    public void Extract_DynamicLinks_UseTheirDocTypeField()
    {
        var doc = Docs.Parse("""
            {"name":"PE-1","party_type":"Customer","party":"CUST-1",
             "references":[{"reference_doctype":"Sales Order","reference_name":"SO-1"},{"reference_doctype":"","reference_name":"orphan"}]}
            """);

        DependencyExtractor.Extract(doc, ErpNextMeta.PaymentEntry, ContentRules.None).ShouldBe(
        [
            new DocRef("Customer", "CUST-1"),
            new DocRef("DocType", "Customer"),
            new DocRef("DocType", "Sales Order"),
            new DocRef("Sales Order", "SO-1"),
        ]);
    }

    [Fact]
    public void Extract_ExcludedField_IsNoDependency()
    {
        var rules = new ContentRules(globalExclusions: ["uom"], docTypeExclusions: ["currency"]);

        var refs = DependencyExtractor.Extract(Docs.SalesOrder(), ErpNextMeta.SalesOrder, rules);

        refs.ShouldNotContain(new DocRef("UOM", "Nos"));
        refs.ShouldNotContain(new DocRef("Currency", "INR"));
    }

    [Fact]
    public void Extract_SelfLink_IsLeftOut()
    {
        var item = Docs.Item("ITEM-001");
        item["variant_of"] = "ITEM-001";

        DependencyExtractor.Extract(item, ErpNextMeta.Item, ContentRules.None).ShouldNotContain(new DocRef("Item", "ITEM-001"));
    }

    [Fact]
    public void Split_ByScope_SeparatesSyncFirstFromMustExist()
    {
        var refs = DependencyExtractor.Extract(Docs.SalesOrder(), ErpNextMeta.SalesOrder, ContentRules.None);

        var (inside, outside) = DependencyScope.Split(refs, new HashSet<string> { "Customer", "Item", "Sales Order" });

        inside.ShouldBe([new DocRef("Customer", "CUST-2026-00001"), new DocRef("Item", "ITEM-001"), new DocRef("Item", "ITEM-002")]);
        outside.ShouldBe([new DocRef("Currency", "INR"), new DocRef("UOM", "Nos")]);
        outside[0].MissingDependencyReason.ShouldBe("missing dependency Currency/INR");
    }

    [Fact]
    public void LinkSites_SalesOrder_NamesChildPathsAndTargets()
    {
        var sites = DependencyExtractor.LinkSites(ErpNextMeta.SalesOrder, ContentRules.None);

        sites.Select(s => $"{s.Path}->{s.TargetDocType}").ShouldContain("items.item_code->Item");
        sites.Select(s => $"{s.Path}->{s.TargetDocType}").ShouldContain("amended_from->Sales Order");
        sites.Select(s => s.Path).ShouldContain("sales_team.sales_person");
    }

    [Fact]
    public void ExtractCanonical_MixedNames_TellsCloudNamesFromUnmappedLocalOnes()
    {
        var names = new NameMap(["Customer"]);
        var canonical = Canon.Of(Docs.SalesOrder(customer: "CUST-L-5"), ErpNextMeta.SalesOrder, SiteName.Local, names);

        var refs = DependencyExtractor.ExtractCanonical(canonical, ErpNextMeta.SalesOrder, ContentRules.None);

        refs.ShouldContain(new SitedRef(new DocRef("Customer", "CUST-L-5"), SiteName.Local));
        refs.ShouldContain(new SitedRef(new DocRef("Item", "ITEM-001"), SiteName.Cloud));
    }
}
