using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Tests.Python;

public sealed class PyJsonTests
{
    private static OrderedDictionary<string, object?> Sample() => new(StringComparer.Ordinal)
    {
        ["name"] = "Webhook Müller Co",
        ["qty"] = 2.0,
        ["count"] = 3L,
        ["none"] = null,
        ["rows"] = new List<object?> { 1L, "a" },
    };

    [Fact]
    public void Serialize_Compact_MatchesFrappeResponses() =>
        PyJson.Serialize(Sample(), PyJsonStyle.Compact).ShouldBe("""{"name":"Webhook M\u00fcller Co","qty":2.0,"count":3,"none":null,"rows":[1,"a"]}""");

    [Fact]
    public void Serialize_Default_MatchesPythonJsonDumps() =>
        PyJson.Serialize(Sample()).ShouldBe("""{"name": "Webhook M\u00fcller Co", "qty": 2.0, "count": 3, "none": null, "rows": [1, "a"]}""");

    [Fact]
    public void Serialize_Pretty_SortsKeysWithIndentOne() =>
        PyJson.Serialize(Sample(), PyJsonStyle.Pretty).ShouldBe("{\n \"count\": 3,\n \"name\": \"Webhook M\\u00fcller Co\",\n \"none\": null,\n \"qty\": 2.0,\n \"rows\": [\n  1,\n  \"a\"\n ]\n}");

    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(45.5, "45.5")]
    [InlineData(999.0, "999.0")]
    [InlineData(50000.0, "50000.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(-7.25, "-7.25")]
    [InlineData(1.5e-300, "1.5e-300")]
    public void Float_LikePythonRepr(double value, string expected) => PyFormat.Float(value).ShouldBe(expected);

    [Fact]
    public void Serialize_AstralCharacter_EscapedAsSurrogatePair() =>
        PyJson.Serialize("😀").ShouldBe("\"\\ud83d\\ude00\"");

    [Theory]
    [InlineData("{\"customer_name\": \"Broken JSON Co\", \"territory\": ", "Expecting value: line 1 column 50 (char 49)")]
    [InlineData("{territory: 'no quotes'}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)")]
    [InlineData("", "Expecting value: line 1 column 1 (char 0)")]
    [InlineData("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)")]
    [InlineData("{\"a\": 1 \"b\"}", "Expecting ',' delimiter: line 1 column 9 (char 8)")]
    [InlineData("{\"a\": \"x", "Unterminated string starting at: line 1 column 7 (char 6)")]
    [InlineData("{\"a\":1}x", "Extra data: line 1 column 8 (char 7)")]
    [InlineData("{\"a\": \"b\nc\"}", "Invalid control character at: line 1 column 9 (char 8)")]
    [InlineData("[1,\n 2,\n x]", "Expecting value: line 3 column 2 (char 9)")]
    public void Parse_Invalid_FailsWithPythonsMessage(string text, string message) =>
        Should.Throw<PyJsonException>(() => PyJsonParser.Parse(text)).Message.ShouldBe(message);

    [Fact]
    public void Parse_NumbersAndDuplicates_FollowPython()
    {
        var parsed = (OrderedDictionary<string, object?>)PyJsonParser.Parse("""{"i": 1, "f": 1.0, "big": 123456789012345678901234567890, "i": 2}""")!;

        parsed["i"].ShouldBe(2L);
        parsed["f"].ShouldBe(1.0);
        parsed["big"].ShouldBeOfType<System.Numerics.BigInteger>();
        parsed.Keys.ShouldBe(["i", "f", "big"]);
    }

    [Theory]
    [InlineData("Acme", "'Acme'")]
    [InlineData("O'Brien", "\"O'Brien\"")]
    [InlineData("Say \"hi\"", "'Say \"hi\"'")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    public void ReprString_ChoosesQuotesLikePython(string text, string expected) => PyFormat.ReprString(text).ShouldBe(expected);
}
