using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Core.Canonical;

/// <summary>
/// Brings one field value into its canonical shape so that the forms Frappe uses for the same value (GET omits
/// nulls, POST includes them; Check 0/1 vs true/false; 118 vs 118.0 vs "118.00"; datetimes with or without
/// microseconds) compare equal. <c>null</c> means "no value" and is left out of the canonical object.
/// Values that cannot be parsed as their type are kept as their text so nothing is lost and hashing stays
/// deterministic.
/// </summary>
internal static class ValueNormalizer
{
    /// <summary>The canonical value of <paramref name="value"/> for a field of <paramref name="kind"/> (never for tables).</summary>
    public static JsonNode? Normalize(FieldKind kind, JsonNode? value) => kind switch
    {
        FieldKind.Check => Check(value),
        FieldKind.Integer => Integer(value),
        FieldKind.Decimal => Decimal(value),
        FieldKind.Date => Date(value),
        FieldKind.Datetime => Datetime(value),
        FieldKind.Time => Time(value),
        FieldKind.Json => Json(value),
        FieldKind.Ignored => null,
        _ => Text(value),
    };

    /// <summary>
    /// Normalises a value whose field type is unknown (a child row without metadata): strings as text, numbers as
    /// decimals, booleans as 0/1, structures canonically.
    /// </summary>
    public static JsonNode? Generic(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Decimal(v),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => Check(v),
        JsonValue => Text(value),
        _ => JsonNode.Parse(CanonicalJson.Serialize(value)),
    };

    /// <summary>Text: "" and null are no value; numbers keep their JSON text; booleans become "1"/"0".</summary>
    public static JsonNode? Text(JsonNode? value)
    {
        var text = AsText(value);
        return string.IsNullOrEmpty(text) ? null : JsonValue.Create(text);
    }

    private static JsonNode Check(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return JsonValue.Create(0L);
            case JsonValue v when v.GetValueKind() == JsonValueKind.True:
                return JsonValue.Create(1L);
            case JsonValue v when v.GetValueKind() == JsonValueKind.False:
                return JsonValue.Create(0L);
        }

        if (CanonicalJson.TryReadDecimal(value, out var number))
            return JsonValue.Create(number != 0 ? 1L : 0L);

        var text = AsText(value)?.Trim();
        return text switch
        {
            null or "" => JsonValue.Create(0L),
            _ when text.Equals("true", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(1L),
            _ when text.Equals("false", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(0L),
            _ => JsonValue.Create(text),
        };
    }

    private static JsonNode Integer(JsonNode? value)
    {
        if (value is null || IsEmptyText(value))
            return JsonValue.Create(0L);
        if (value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return Check(value);
        if (!CanonicalJson.TryReadDecimal(value, out var number))
            return JsonValue.Create(AsText(value) ?? "");

        // A fractional value in an Int field is kept exactly rather than silently truncated.
        return number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue
            ? JsonValue.Create((long)number)
            : CanonicalJson.DecimalValue(number);
    }

    private static JsonNode Decimal(JsonNode? value)
    {
        if (value is null || IsEmptyText(value))
            return JsonValue.Create(0L);
        if (value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return Check(value);
        if (CanonicalJson.TryReadDecimal(value, out var number))
            return CanonicalJson.DecimalValue(number);
        return JsonValue.Create(AsText(value) ?? "");
    }

    private static JsonNode? Date(JsonNode? value)
    {
        var text = AsText(value)?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        var datePart = text.Length > 10 && (text[10] == ' ' || text[10] == 'T') ? text[..10] : text;
        return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : JsonValue.Create(text);
    }

    private static JsonNode? Datetime(JsonNode? value)
    {
        var text = AsText(value)?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        return FrappeDateTime.TryParse(text, out var parsed)
            ? JsonValue.Create(FrappeDateTime.Format(parsed))
            : JsonValue.Create(text);
    }

    private static JsonNode? Time(JsonNode? value)
    {
        var text = AsText(value)?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        return FrappeDateTime.TryParseTime(text, out var parsed)
            ? JsonValue.Create(FrappeDateTime.FormatTime(parsed))
            : JsonValue.Create(text);
    }

    private static JsonNode? Json(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonObject or JsonArray:
                return JsonValue.Create(CanonicalJson.Serialize(value));
        }

        var text = AsText(value);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            var parsed = JsonNode.Parse(text);
            return parsed is null ? null : JsonValue.Create(CanonicalJson.Serialize(parsed));
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static bool IsEmptyText(JsonNode value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>());

    private static string? AsText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "1",
            JsonValueKind.False => "0",
            _ => null,
        },
        _ => CanonicalJson.Serialize(value),
    };
}
