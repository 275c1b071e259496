using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;

namespace ErpSync.Frappe.Listing;

/// <summary>Encodes list parameters the way <c>/api/resource/{doctype}</c> expects them (JSON strings).</summary>
internal static class ListEncoding
{
    public static string Fields(IReadOnlyList<string> fields)
    {
        var array = new JsonArray();
        foreach (var field in fields)
            array.Add(field);
        return array.ToJsonString(Json.FrappeJson.Write);
    }

    public static string Filters(IEnumerable<ListFilter> filters)
    {
        var array = new JsonArray();
        foreach (var filter in filters)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(filter.Field);
            ArgumentException.ThrowIfNullOrWhiteSpace(filter.Operator);
            array.Add(new JsonArray(filter.Field, filter.Operator, Value(filter.Value)));
        }

        return array.ToJsonString(Json.FrappeJson.Write);
    }

    public static JsonNode? Value(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag ? 1 : 0),
        int or long or short or byte => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        decimal number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        float number => JsonValue.Create((double)number),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime dateTime => JsonValue.Create(dateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)),
        System.Collections.IEnumerable items => new JsonArray(items.Cast<object?>().Select(Value).ToArray()),
        _ => throw new ArgumentException($"A list filter value of type {value.GetType().Name} cannot be sent; use a string, number, bool, date or a list of them."),
    };
}
