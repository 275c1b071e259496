using ErpSync.Core.Naming;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Tests.Naming;

public sealed class NameMapTests
{
    private static readonly NameMap Map = new(["Customer"], [new NamePair("Customer", "CUST-C-1", "CUST-L-7")]);

    [Fact]
    public void Translate_MappedPair_WorksBothWays()
    {
        Map.Translate("Customer", "CUST-C-1", SiteName.Cloud).ShouldBe("CUST-L-7");
        Map.Translate("Customer", "CUST-L-7", SiteName.Local).ShouldBe("CUST-C-1");
    }

    [Fact]
    public void Translate_UnknownNameOfMappedDocType_IsNull() =>
        Map.Translate("Customer", "CUST-C-2", SiteName.Cloud).ShouldBeNull();

    [Fact]
    public void Translate_NameFromTheWrongSide_IsNotConfusedWithTheOtherSite() =>
        Map.Translate("Customer", "CUST-C-1", SiteName.Local).ShouldBeNull();

    [Fact]
    public void Translate_DocTypeNotMapped_IsIdentity() =>
        Map.Translate("Currency", "INR", SiteName.Local).ShouldBe("INR");

    [Fact]
    public void Translate_DifferentCase_MatchesLikeMariaDb() =>
        Map.Translate("Customer", "cust-l-7", SiteName.Local).ShouldBe("CUST-C-1");

    [Fact]
    public void With_NewPair_ReturnsACopyAndLeavesTheOriginal()
    {
        var extended = Map.With(new NamePair("Customer", "CUST-C-2", "CUST-L-8"));

        extended.Translate("Customer", "CUST-L-8", SiteName.Local).ShouldBe("CUST-C-2");
        Map.Translate("Customer", "CUST-L-8", SiteName.Local).ShouldBeNull();
    }
}
