using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Dependencies;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Naming;

public sealed class LinkTranslatorTests
{
    private static readonly NameMap Names = new(["Customer", "Sales Order"],
    [
        new NamePair("Customer", "CUST-C-1", "CUST-L-1"),
        new NamePair("Sales Order", "SO-C-9", "SO-L-3"),
    ]);

    [Fact]
    public void ToSite_CloudNameToLocal_UsesThePair()
    {
        var value = LinkTranslator.ToSite("Customer", JsonValue.Create("CUST-C-1"), SiteName.Local, Names, out var missing);

        value!.GetValue<string>().ShouldBe("CUST-L-1");
        missing.ShouldBeNull();
    }

    [Fact]
    public void ToSite_UnmappedCloudName_ReportsTheMissingDependency()
    {
        LinkTranslator.ToSite("Customer", JsonValue.Create("CUST-C-404"), SiteName.Local, Names, out var missing);

        missing.ShouldBe(new DocRef("Customer", "CUST-C-404"));
        missing!.MissingDependencyReason.ShouldBe("missing dependency Customer/CUST-C-404");
    }

    [Fact]
    public void ToSite_MarkerToLocal_IsTheLocalNameItHolds()
    {
        var value = LinkTranslator.ToSite("Customer", UnmappedLink.Create("CUST-L-77"), SiteName.Local, Names, out var missing);

        value!.GetValue<string>().ShouldBe("CUST-L-77");
        missing.ShouldBeNull();
    }

    [Fact]
    public void ToSite_MarkerToCloudOnceMapped_UsesTheNewPair()
    {
        var later = Names.With(new NamePair("Customer", "CUST-C-77", "CUST-L-77"));

        LinkTranslator.ToSite("Customer", UnmappedLink.Create("CUST-L-77"), SiteName.Cloud, later, out var missing)!
            .GetValue<string>().ShouldBe("CUST-C-77");
        missing.ShouldBeNull();
    }

    [Fact]
    public void ToSite_MarkerToCloudStillUnmapped_ReportsTheLocalName()
    {
        LinkTranslator.ToSite("Customer", UnmappedLink.Create("CUST-L-77"), SiteName.Cloud, Names, out var missing);

        missing.ShouldBe(new DocRef("Customer", "CUST-L-77"));
    }

    [Fact]
    public void Row_CanonicalFromLocalBackToLocal_RestoresEveryLinkProperty()
    {
        var random = new Random(11);
        for (var run = 0; run < 100; run++)
        {
            var customer = random.Next(3) switch { 0 => "CUST-L-1", 1 => "CUST-L-UNMAPPED", _ => "" };
            var local = Docs.Parse($$"""
                {"name":"PE-1","party_type":"Customer","party":"{{customer}}","paid_amount":10,
                 "references":[{"name":"r1","idx":1,"reference_doctype":"Sales Order","reference_name":"{{(random.Next(2) == 0 ? "SO-L-3" : "SO-L-NEW")}}","allocated_amount":10}]}
                """);
            var canonical = Canon.Of(local, ErpNextMeta.PaymentEntry, SiteName.Local, Names);
            var missing = new List<DocRef>();

            var back = LinkTranslator.Row(canonical.Content, ContentFields.Parent(ErpNextMeta.PaymentEntry, ContentRules.None), SiteName.Local, Names, missing);
            var row = LinkTranslator.Row(canonical["references"]![0]!.AsObject(), ContentFields.Child(ErpNextMeta.PaymentEntry, ErpNextMeta.PaymentEntry.Field("references")!, ContentRules.None)!, SiteName.Local, Names, missing);

            (back["party"]?.GetValue<string>() ?? "").ShouldBe(customer);
            row["reference_name"]!.GetValue<string>().ShouldBe(local["references"]![0]!["reference_name"]!.GetValue<string>());
            missing.ShouldBeEmpty();
        }
    }
}
