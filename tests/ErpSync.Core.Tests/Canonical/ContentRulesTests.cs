using ErpSync.Core.Canonical;
using ErpSync.Core.Configuration;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Canonical;

public sealed class ContentRulesTests
{
    [Fact]
    public void For_SyncRules_CombinesGlobalAndDocTypeExclusionsAndKeys()
    {
        var rules = new SyncRules
        {
            ExcludeFields = ["website"],
            DocTypeRules = new Dictionary<string, DocTypeRule>
            {
                ["Sales Order"] = new() { ExcludeFields = ["terms", "items.description"], KeyFields = new Dictionary<string, IReadOnlyList<string>> { ["items"] = ["item_code"] } },
            },
        };

        var content = ContentRules.For(rules, "Sales Order");

        content.ExcludesParentField("website").ShouldBeTrue();
        content.ExcludesParentField("terms").ShouldBeTrue();
        content.ExcludesChildField("items", "description").ShouldBeTrue();
        content.ExcludesChildField("items", "website").ShouldBeTrue();
        content.ExcludesChildField("sales_team", "description").ShouldBeFalse();
        content.KeyOf("items").ShouldBe(["item_code"]);
        content.KeyOf("sales_team").ShouldBeNull();
        ContentRules.For(rules, "Customer").ExcludesParentField("terms").ShouldBeFalse();
    }

    [Fact]
    public void ExcludesParentField_SystemAndUnderscoreFields_AreAlwaysExcluded()
    {
        foreach (var field in new[] { "name", "modified", "docstatus", "naming_series", "_user_tags", "_anything", "__unsaved" })
            ContentRules.None.ExcludesParentField(field).ShouldBeTrue(field);
        ContentRules.None.ExcludesParentField("amended_from").ShouldBeFalse();
    }

    [Fact]
    public void Validate_KeyOnANonTableOrUnknownChildField_NamesTheConfigKey()
    {
        var rules = new ContentRules(keyFields: new Dictionary<string, IReadOnlyList<string>>
        {
            ["customer"] = ["x"],
            ["items"] = ["item_code", "sku"],
        });

        rules.Validate(ErpNextMeta.SalesOrder).ShouldBe(
        [
            "doctype_rules.Sales Order.key_fields: 'customer' is not a child table of Sales Order",
            "doctype_rules.Sales Order.key_fields.items: 'sku' is not a field of Sales Order Item",
        ]);
    }

    [Fact]
    public void Validate_GoodKeys_HasNoProblems() =>
        new ContentRules(keyFields: new Dictionary<string, IReadOnlyList<string>> { ["items"] = ["item_code"] })
            .Validate(ErpNextMeta.SalesOrder).ShouldBeEmpty();

    [Theory]
    [InlineData(ConflictStrategy.LatestTimestamp, "latest_timestamp")]
    [InlineData(ConflictStrategy.CloudWins, "cloud_wins")]
    [InlineData(ConflictStrategy.Merge, "merge")]
    public void ToWire_Strategies_UseConfigSpelling(ConflictStrategy strategy, string wire) =>
        strategy.ToWire().ShouldBe(wire);

    [Fact]
    public void ToWire_DirectionsAndNaming_UseConfigSpelling()
    {
        SyncDirectionRule.CloudToLocal.ToWire().ShouldBe("cloud_to_local");
        SyncDirectionRule.Bidirectional.ToWire().ShouldBe("bidirectional");
        NamingMode.Mapped.ToWire().ShouldBe("mapped");
    }
}
