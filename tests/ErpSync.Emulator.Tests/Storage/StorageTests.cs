using System.Text.Json.Nodes;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Storage;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Storage;

public sealed class StorageTests(StorageTests.Fixture fixture) : IClassFixture<StorageTests.Fixture>
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        protected override EmulatorOptions Options => new() { SeedErpNext = false };
    }

    private static Doc NewDoc(string name) => new("T") { Name = name };

    [Fact]
    public void DocTable_ManyDeletes_CompactsAndKeepsOrderAndLookups()
    {
        var table = new DocTable();
        for (var i = 0; i < 3000; i++)
            table.Put(NewDoc($"d{i}"));

        for (var i = 0; i < 3000; i++)
        {
            if (i % 3 != 0)
                table.Remove($"d{i}");
        }

        table.Count.ShouldBe(1000);
        table.All().Select(d => d.Name).ShouldBe(Enumerable.Range(0, 3000).Where(i => i % 3 == 0).Select(i => $"d{i}"));
        table.Get("D2997")!.Name.ShouldBe("d2997");
        table.Get("d2998").ShouldBeNull();
    }

    [Fact]
    public void DocTable_Rename_KeepsPosition()
    {
        var table = new DocTable();
        table.Put(NewDoc("a"));
        table.Put(NewDoc("b"));
        table.Put(NewDoc("c"));

        table.Put(NewDoc("b2"), previousName: "b");

        table.All().Select(d => d.Name).ShouldBe(["a", "b2", "c"]);
        table.Get("b").ShouldBeNull();
    }

    [Theory]
    [InlineData("Acme", "ACME ", true)]
    [InlineData("Müller", "Muller", true)]
    [InlineData("Acme", "Acme Corp", false)]
    [InlineData(" Acme", "Acme", false)]
    public void NameKey_CollatesLikeMariaDb(string a, string b, bool equal) => NameKey.Equal(a, b).ShouldBe(equal);

    [Fact]
    public void UniqueField_AfterUpdateRenameAndDelete_IndexStaysCorrect()
    {
        var site = fixture.Site;
        TestDocTypes.Define(site, "Uniquely", "field:title", ["title:Data", "code:Data::unique"]);
        site.Backdoor.Insert("Uniquely", new JsonObject { ["title"] = "one", ["code"] = "C-1" });
        site.Backdoor.Update("Uniquely", "one", new JsonObject { ["code"] = "C-2" });
        site.Backdoor.Rename("Uniquely", "one", "uno");

        site.Backdoor.Insert("Uniquely", new JsonObject { ["title"] = "two", ["code"] = "C-1" });
        var clash = Should.Throw<EmulatorRequestException>(() => site.Backdoor.Insert("Uniquely", new JsonObject { ["title"] = "three", ["code"] = "c-2" }));
        site.Backdoor.DeleteSilently("Uniquely", "uno");
        site.Backdoor.Insert("Uniquely", new JsonObject { ["title"] = "four", ["code"] = "C-2" });

        clash.Body.ShouldContain("UniqueValidationError");
        site.Backdoor.Count("Uniquely").ShouldBe(2);
    }
}
