using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Core.Canonical;

/// <summary>
/// The one serialisation every hash, base snapshot and comparison goes through: compact JSON, object keys in
/// ordinal order at every depth, numbers as normalised decimals (no exponent, no trailing zeros), strings
/// escaped by a fixed encoder. Independent of culture, machine and the .NET type behind a <see cref="JsonValue"/>.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // Readable non-ASCII in conflict records; the encoder is fixed, so bytes stay deterministic.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Serialises <paramref name="node"/> canonically; <c>null</c> becomes <c>null</c>.</summary>
    public static string Serialize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(writer, node);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Whether two canonical values are the same content. A missing value and JSON <c>null</c> are equal;
    /// numbers compare by decimal value, objects regardless of key order.
    /// </summary>
    public static bool ValueEquals(JsonNode? left, JsonNode? right)
    {
        // Structural, so merges and diffs do not serialise every value; agrees with comparing Serialize output.
        if (IsNull(left) || IsNull(right))
            return IsNull(left) && IsNull(right);

        switch (left)
        {
            case JsonObject leftObject when right is JsonObject rightObject:
                if (leftObject.Count != rightObject.Count)
                    return false;
                foreach (var (key, value) in leftObject)
                {
                    if (!rightObject.TryGetPropertyValue(key, out var other) || !ValueEquals(value, other))
                        return false;
                }

                return true;
            case JsonArray leftArray when right is JsonArray rightArray:
                if (leftArray.Count != rightArray.Count)
                    return false;
                for (var i = 0; i < leftArray.Count; i++)
                {
                    if (!ValueEquals(leftArray[i], rightArray[i]))
                        return false;
                }

                return true;
            case JsonValue leftValue when right is JsonValue rightValue:
                var kind = leftValue.GetValueKind();
                if (kind != rightValue.GetValueKind())
                    return false;
                return kind switch
                {
                    JsonValueKind.String => string.Equals(leftValue.GetValue<string>(), rightValue.GetValue<string>(), StringComparison.Ordinal),
                    JsonValueKind.Number => NumbersEqual(leftValue.ToJsonString(), rightValue.ToJsonString()),
                    _ => true,
                };
            default:
                return false;
        }
    }

    private static bool IsNull(JsonNode? node) => node is null || (node is JsonValue value && value.GetValueKind() == JsonValueKind.Null);

    private static bool NumbersEqual(string left, string right) =>
        TryParseDecimal(left, out var a) && TryParseDecimal(right, out var b)
            ? a == b
            : string.Equals(left, right, StringComparison.Ordinal);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="canonicalJson"/>.</summary>
    public static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    /// <summary>Removes trailing fractional zeros so 118, 118.0 and 118.00 are one value.</summary>
    public static decimal Normalize(decimal value) =>
        // Dividing by 1 with 28 fractional zeros makes the runtime pick the smallest scale that is exact.
        value / 1.0000000000000000000000000000m;

    /// <summary>Invariant text of a decimal after <see cref="Normalize"/>; never uses an exponent.</summary>
    public static string FormatDecimal(decimal value)
    {
        var text = Normalize(value).ToString(CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>
    /// Reads a JSON number (or numeric string) as a decimal without going through <see cref="double"/>:
    /// the number's own text is parsed, so 0.1 stays exactly 0.1.
    /// </summary>
    public static bool TryReadDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        if (node is not JsonValue jsonValue)
            return false;

        switch (jsonValue.GetValueKind())
        {
            case JsonValueKind.Number:
                return TryParseDecimal(jsonValue.ToJsonString(), out value);
            case JsonValueKind.String:
                return TryParseDecimal(jsonValue.GetValue<string>().Trim(), out value);
            default:
                return false;
        }
    }

    /// <summary>Parses invariant decimal text (exponent allowed); <c>false</c> for anything else.</summary>
    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A JSON value holding <paramref name="value"/> normalised.</summary>
    public static JsonValue DecimalValue(decimal value) => JsonValue.Create(Normalize(value));

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var pair in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(pair.Key);
                    Write(writer, pair.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValue value:
                WriteValue(writer, value);
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetValue<string>());
                break;
            case JsonValueKind.Number:
                var raw = value.ToJsonString();
                if (TryParseDecimal(raw, out var number))
                    writer.WriteRawValue(FormatDecimal(number), skipInputValidation: true);
                else
                    writer.WriteRawValue(raw); // beyond decimal range: the number's own text, still deterministic
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
