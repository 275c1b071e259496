using ErpSync.Core.Canonical;
using ErpSync.Core.Decisions;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Decisions;

public sealed class SideReaderTests
{
    [Fact]
    public void Read_SubmittedOrder_TakesNameDocstatusAndModifiedVerbatim()
    {
        var doc = Docs.SalesOrder();
        doc["docstatus"] = 1;
        doc["modified"] = "2026-11-22 04:26:58.026564";

        var side = SideReader.Read(doc, ErpNextMeta.SalesOrder, ContentRules.None, SiteName.Cloud, NameMap.Identity);

        side.Exists.ShouldBeTrue();
        side.Name.ShouldBe("SAL-ORD-2026-00001");
        side.Docstatus.ShouldBe(1);
        side.Modified.ShouldBe("2026-11-22 04:26:58.026564");
        side.Hash.ShouldBe(Canon.Of(doc, ErpNextMeta.SalesOrder).Hash);
    }

    [Fact]
    public void Read_AutoincrementName_IsReadFromANumber()
    {
        var doc = Docs.Item();
        doc["name"] = 42;

        SideReader.Read(doc, ErpNextMeta.Item, ContentRules.None, SiteName.Local, NameMap.Identity).Name.ShouldBe("42");
    }

    [Fact]
    public void Read_Missing_IsAbsentAndKeepsWhatIsKnown()
    {
        var side = SideReader.Read(null, ErpNextMeta.Item, ContentRules.None, SiteName.Local, NameMap.Identity, "ITEM-001", "2026-11-22 05:00:00");

        side.Exists.ShouldBeFalse();
        side.Name.ShouldBe("ITEM-001");
        side.DeletedAt.ShouldBe("2026-11-22 05:00:00");
    }
}
