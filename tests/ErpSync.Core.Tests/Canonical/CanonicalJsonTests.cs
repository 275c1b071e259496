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
}
