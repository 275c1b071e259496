using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;

namespace ErpSync.Core.Tests.Canonical;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("118.00", "118")]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("-12.50", "-12.5")]
    [InlineData("-0.00", "0")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void FormatDecimal_Values_UseShortestInvariantTextWithoutExponent(string input, string expected) =>
        CanonicalJson.FormatDecimal(decimal.Parse(input, CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void FormatDecimal_UnderAnotherCulture_StillUsesADot()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            CanonicalJson.Serialize(new JsonObject { ["a"] = 1.5m }).ShouldBe("{\"a\":1.5}");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void ValueEquals_MissingAndNull_AreEqual() =>
        CanonicalJson.ValueEquals(null, JsonNode.Parse("null")).ShouldBeTrue();

    [Fact]
    public void ValueEquals_NumbersOfDifferentBacking_CompareByValue() =>
        CanonicalJson.ValueEquals(JsonValue.Create(2.5d), JsonNode.Parse("2.50")).ShouldBeTrue();

    [Fact]
    public void Serialize_NumberBeyondDecimal_KeepsItsOwnText() =>
        CanonicalJson.Serialize(JsonNode.Parse("[1e400]")).ShouldBe("[1e400]");

    [Fact]
    public void TryReadDecimal_DoubleBackedValue_ReadsShortestRoundTrip()
    {
        CanonicalJson.TryReadDecimal(JsonValue.Create(0.1d), out var value).ShouldBeTrue();
        value.ShouldBe(0.1m);
    }

    [Fact]
    public void ValueEquals_AgreesWithComparingSerialisedText()
    {
        var random = new Random(7);
        JsonNode? Make(int depth) => random.Next(depth > 2 ? 5 : 7) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next(3) / 2m),
            2 => JsonNode.Parse(random.Next(3) == 0 ? "1.50" : "1.5"),
            3 => JsonValue.Create(random.Next(2) == 0 ? "a" : "1.5"),
            4 => JsonValue.Create(random.Next(2) == 0),
            5 => new JsonArray(Enumerable.Range(0, random.Next(3)).Select(_ => Make(depth + 1)).ToArray()),
            _ => new JsonObject(Enumerable.Range(0, random.Next(3)).Select(i => KeyValuePair.Create($"k{random.Next(2)}{i}", Make(depth + 1)))),
        };

        for (var run = 0; run < 2000; run++)
        {
            var left = Make(0);
            var right = random.Next(3) == 0 ? left?.DeepClone() : Make(0);

            CanonicalJson.ValueEquals(left, right).ShouldBe(CanonicalJson.Serialize(left) == CanonicalJson.Serialize(right), $"{left?.ToJsonString()} vs {right?.ToJsonString()}");
        }
    }
}
