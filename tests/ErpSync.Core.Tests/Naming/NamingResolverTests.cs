using ErpSync.Core.Configuration;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Naming;

public sealed class NamingResolverTests
{
    private static DocTypeMeta WithAutoname(string? autoname) => ErpNextMeta.Item with { Autoname = autoname };

    [Fact]
    public void Resolve_FieldAutoname_IsSameAndDerivedFromTheField()
    {
        var plan = NamingResolver.Resolve(ErpNextMeta.Item);

        plan.Mode.ShouldBe(NamingMode.Same);
        plan.Source.ShouldBe(NameSource.Field);
        plan.NameField.ShouldBe("item_code");
        plan.SendsNewName.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Prompt")]
    [InlineData("prompt")]
    [InlineData("UUID")]
    public void Resolve_ClientChosenNames_AreSameAndSentAsNewName(string autoname)
    {
        var plan = NamingResolver.Resolve(WithAutoname(autoname));

        plan.Mode.ShouldBe(NamingMode.Same);
        plan.SendsNewName.ShouldBeTrue();
    }

    [Theory]
    [InlineData("naming_series:")]
    [InlineData("hash")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("autoincrement")]
    [InlineData("format:INV-{YYYY}-{#####}")]
    [InlineData("SO-.YYYY.-.####")]
    [InlineData("By script")]
    public void Resolve_PerSiteNames_AreMappedAndServerChosen(string? autoname)
    {
        var plan = NamingResolver.Resolve(WithAutoname(autoname));

        plan.Mode.ShouldBe(NamingMode.Mapped);
        plan.Source.ShouldBe(NameSource.Server);
        plan.IsMapped.ShouldBeTrue();
        plan.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Resolve_SameConfiguredOnNamingSeries_SendsNewNameAndSaysWhy()
    {
        var plan = NamingResolver.Resolve(ErpNextMeta.SalesOrder, NamingMode.Same);

        plan.Mode.ShouldBe(NamingMode.Same);
        plan.SendsNewName.ShouldBeTrue();
        plan.Reason.ShouldContain("__newname");
    }

    [Fact]
    public void Resolve_MappedConfiguredOnFieldNaming_IsMappedButStillDerivedFromTheField()
    {
        var plan = NamingResolver.Resolve(ErpNextMeta.Item, NamingMode.Mapped);

        plan.Mode.ShouldBe(NamingMode.Mapped);
        plan.Source.ShouldBe(NameSource.Field);
    }

    [Fact]
    public void Resolve_MappedConfiguredOnPrompt_StillSendsTheName()
    {
        // A Prompt DocType cannot be inserted without a name, so even mapped pairs send one.
        var plan = NamingResolver.Resolve(WithAutoname("Prompt"), NamingMode.Mapped);

        plan.Mode.ShouldBe(NamingMode.Mapped);
        plan.SendsNewName.ShouldBeTrue();
    }
}
