using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.Validation;

public sealed class ValidationTests(ValidationTests.Fixture fixture) : IClassFixture<ValidationTests.Fixture>
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        protected override EmulatorOptions Options => new() { SeedErpNext = false };
    }

    private EmulatedSite Site => fixture.Site;

    private string Checked() => TestDocTypes.Define(Site, "Checked Thing", "hash",
    [
        "title:Data::reqd", "code:Data::unique", "kind:Select:Big\nSmall", "email:Data:Email", "price:Currency::non_negative",
        "short:Data", "ref:Link:Checked Thing", "fixed:Data::set_only_once", "rows:Table:Checked Row",
    ]);

    private void DefineRows() => TestDocTypes.Define(Site, "Checked Row", "", ["item:Data::reqd", "size:Select:S\nM"], istable: true);

    private EmulatorRequestException Refused(string json)
    {
        DefineRows();
        var doctype = Checked();
        return Should.Throw<EmulatorRequestException>(() => Site.Backdoor.Insert(doctype, JsonNode.Parse(json)!.AsObject()));
    }

    private static JsonNode Body(EmulatorRequestException e) => JsonNode.Parse(e.Body)!;

    private static IReadOnlyList<string> Messages(EmulatorRequestException e) =>
        JsonNode.Parse(Body(e)["_server_messages"]!.GetValue<string>())!.AsArray()
            .Select(m => JsonNode.Parse(m!.GetValue<string>())!["message"]!.GetValue<string>()).ToList();

    [Fact]
    public void Insert_SeveralMandatoryMissing_OneMessageEachNoExcType()
    {
        var error = Refused("""{"kind": "Big", "rows": [{"size": "S"}]}""");

        error.Status.ShouldBe(417);
        Body(error).AsObject().ContainsKey("exc_type").ShouldBeFalse();
        Body(error)["exception"]!.GetValue<string>().ShouldMatch(@"^frappe\.exceptions\.MandatoryError: \[Checked Thing, [0-9a-z]{10}\]: title, item$");
        Messages(error).ShouldBe(["Error: Value missing for Checked Thing: Title", "Error: <strong>Checked Row</strong> Row #1: Value missing for: Item"]);
    }

    [Fact]
    public void Insert_SelectNotInOptions_ListsOptions()
    {
        var error = Refused("""{"title": "t", "kind": "Huge"}""");

        Messages(error).ShouldBe([" Kind cannot be \"Huge\". It should be one of \"Big\", \"Small\""]);
    }

    [Fact]
    public void Insert_RowSelectNotInOptions_PrefixesRow()
    {
        var error = Refused("""{"title": "t", "kind": "Big", "rows": [{"item": "i", "size": "XL"}]}""");

        Messages(error).ShouldBe(["Row #1: Size cannot be \"XL\". It should be one of \"S\", \"M\""]);
    }

    [Fact]
    public void Insert_TooLongData_CharacterLengthExceeded()
    {
        var error = Refused($$"""{"title": "t", "kind": "Big", "short": "{{new string('x', 141)}}"}""");

        Body(error)["exc_type"]!.GetValue<string>().ShouldBe("CharacterLengthExceededError");
        Messages(error).Single().ShouldEndWith("will get truncated, as max characters allowed is 140");
    }

    [Fact]
    public void Insert_InvalidEmail_Refused() =>
        Body(Refused("""{"title": "t", "kind": "Big", "email": "not-an-email"}"""))["exc_type"]!.GetValue<string>().ShouldBe("InvalidEmailAddressError");

    [Fact]
    public void Insert_NegativeNonNegative_Refused() =>
        Messages(Refused("""{"title": "t", "kind": "Big", "price": -1}""")).Single().ShouldBe("Value cannot be negative for Checked Thing: <strong>Price</strong>");

    [Fact]
    public void Insert_UniqueValueTakenOtherCase_UniqueValidationErrorWithoutExcType()
    {
        DefineRows();
        Site.Backdoor.Insert(Checked(), JsonNode.Parse("""{"title": "t", "kind": "Big", "code": "Dup-Code"}""")!.AsObject());

        var error = Refused("""{"title": "t", "kind": "Big", "code": "DUP-CODE"}""");

        error.Status.ShouldBe(417);
        Body(error).AsObject().ContainsKey("exc_type").ShouldBeFalse();
        Body(error)["exception"]!.GetValue<string>().ShouldContain("UniqueValidationError");
        Messages(error).ShouldBe(["Code must be unique"]);
    }

    [Fact]
    public void Insert_MissingLink_LinkValidationError()
    {
        var error = Refused("""{"title": "t", "kind": "Big", "ref": "nothing-here"}""");

        Body(error)["exc_type"]!.GetValue<string>().ShouldBe("LinkValidationError");
        Messages(error).ShouldBe(["Could not find Ref: nothing-here"]);
    }

    [Fact]
    public void Insert_LinkOtherCase_StoresCanonicalName()
    {
        DefineRows();
        var target = Site.Backdoor.Insert(Checked(), JsonNode.Parse("""{"__newname": "Target-One", "title": "t", "kind": "Big"}""")!.AsObject());

        var linking = Site.Backdoor.Insert(Checked(), JsonNode.Parse("""{"title": "t", "kind": "Big", "ref": "target-one"}""")!.AsObject());

        target["name"]!.GetValue<string>().ShouldBe("Target-One");
        linking["ref"]!.GetValue<string>().ShouldBe("Target-One");
    }

    [Fact]
    public void Update_SetOnlyOnceChanged_CannotChangeConstant()
    {
        DefineRows();
        var name = Site.Backdoor.Insert(Checked(), JsonNode.Parse("""{"title": "t", "kind": "Big", "fixed": "one"}""")!.AsObject())["name"]!.GetValue<string>();

        var error = Should.Throw<EmulatorRequestException>(() => Site.Backdoor.Update(Checked(), name, new JsonObject { ["fixed"] = "two" }));

        Body(error)["exc_type"]!.GetValue<string>().ShouldBe("CannotChangeConstantError");
    }
}
