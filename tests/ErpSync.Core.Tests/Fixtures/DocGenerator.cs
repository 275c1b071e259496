using System.Globalization;
using System.Text.Json.Nodes;

namespace ErpSync.Core.Tests.Fixtures;

/// <summary>
/// Seeded generator of Sales Orders for property checks. <see cref="Semantic"/> draws a document's meaning;
/// <see cref="Render"/> writes it the many ways Frappe (GET, POST, our own payloads) may spell the same thing.
/// </summary>
internal sealed class DocGenerator(int seed)
{
    private static readonly string[] ItemCodes = ["ITEM-001", "ITEM-002", "ITEM-003", "ITEM-004", "ITEM-005", "ITEM-006"];
    private static readonly string[] Customers = ["CUST-2026-00001", "CUST-2026-00002", "CUST-2026-00003"];
    private static readonly string[] Texts = ["", "Net 30", "Deliver to gate 2", "Müller & Söhne", "line1\nline2", " padded "];

    public Random Random { get; } = new(seed);

    /// <summary>A Sales Order's meaning: canonical-style values (decimals as decimal, missing = absent).</summary>
    public Dictionary<string, object?> Semantic()
    {
        var doc = new Dictionary<string, object?>
        {
            ["customer"] = Pick(Customers),
            ["customer_name"] = Maybe(() => "Acme Corp"),
            ["transaction_date"] = new DateOnly(2026, 1 + Random.Next(12), 1 + Random.Next(28)),
            ["delivery_date"] = Maybe(() => new DateOnly(2026, 12, 1 + Random.Next(28))),
            ["po_no"] = Maybe(() => $"PO-{Random.Next(1000)}"),
            ["currency"] = "INR",
            ["conversion_rate"] = Money(),
            ["total"] = Money(),
            ["grand_total"] = Money(),
            ["per_delivered"] = (decimal)Random.Next(0, 101),
            ["status"] = Pick(["Draft", "To Deliver and Bill", "Completed"]),
            ["terms"] = Pick(Texts),
            ["letter_head"] = Maybe(() => "Default"),
            ["delivery_window"] = Maybe(() => new TimeSpan(Random.Next(24), Random.Next(60), Random.Next(60))),
            ["expected_at"] = Maybe(() => new DateTime(2026, 11, 22, Random.Next(24), Random.Next(60), Random.Next(60)).AddTicks(Random.Next(2) * Random.Next(1, 999999) * 10L)),
        };
        var rows = new List<Dictionary<string, object?>>();
        foreach (var code in ItemCodes.OrderBy(_ => Random.Next()).Take(Random.Next(0, 5)))
            rows.Add(Row(code));
        doc["items"] = rows;
        return doc;
    }

    public Dictionary<string, object?> Row(string code) => new()
    {
        ["item_code"] = code,
        ["item_name"] = Maybe(() => $"Name of {code}"),
        ["qty"] = (decimal)Random.Next(1, 20),
        ["uom"] = "Nos",
        ["rate"] = Money(),
        ["amount"] = Money(),
        ["delivery_date"] = Maybe(() => new DateOnly(2026, 12, 1 + Random.Next(28))),
        ["warehouse"] = Maybe(() => Pick(["Stores - AC", "Finished Goods - AC"])),
        ["delivered_qty"] = (decimal)Random.Next(0, 3),
    };

    /// <summary>One of many spellings of <paramref name="semantic"/> as a raw document, with system fields and row names.</summary>
    public JsonObject Render(Dictionary<string, object?> semantic, string name = "SAL-ORD-2026-00001")
    {
        var pairs = new List<KeyValuePair<string, JsonNode?>>
        {
            new("name", name),
            new("owner", Pick(["Administrator", "sync@example.com"])),
            new("modified", $"2026-11-22 04:{Random.Next(60):00}:{Random.Next(60):00}.{Random.Next(1000000):000000}"),
            new("creation", "2026-11-22 04:00:00"),
            new("docstatus", 0),
            new("idx", 0),
            new("doctype", "Sales Order"),
            new("naming_series", Pick(["SAL-ORD-.YYYY.-", "SO-LOCAL-"])),
        };
        if (Random.Next(3) == 0)
            pairs.Add(new("_user_tags", ",x"));

        foreach (var (key, value) in semantic)
        {
            if (key == "items")
                continue;
            if (Spell(key, value) is { } spelled)
                pairs.Add(new(key, spelled.Node));
        }

        var rows = (List<Dictionary<string, object?>>)semantic["items"]!;
        var rendered = new List<JsonObject>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new List<KeyValuePair<string, JsonNode?>>
            {
                new("name", $"row{Random.Next(100000)}"), new("idx", i + 1), new("parent", name), new("parentfield", "items"),
                new("parenttype", "Sales Order"), new("doctype", "Sales Order Item"), new("docstatus", 0),
            };
            if (Random.Next(4) == 0)
                row.Add(new("__unsaved", 1));
            foreach (var (key, value) in rows[i])
            {
                if (Spell(key, value) is { } spelled)
                    row.Add(new(key, spelled.Node));
            }

            rendered.Add(new JsonObject(row.OrderBy(_ => Random.Next())));
        }

        // Rows carry idx, so their array order may differ from document order.
        pairs.Add(new("items", new JsonArray(rendered.OrderBy(_ => Random.Next()).Select(r => (JsonNode?)r).ToArray())));
        if (Random.Next(2) == 0)
            pairs.Add(new("sales_team", new JsonArray()));
        return new JsonObject(pairs.OrderBy(_ => Random.Next()));
    }

    private Spelling? Spell(string key, object? value)
    {
        switch (value)
        {
            case null:
                return Random.Next(3) switch { 0 => null, 1 => new Spelling(null), _ => new Spelling(IsNumeric(key) ? null : JsonValue.Create("")) };
            case string s when s.Length == 0:
                return Random.Next(2) == 0 ? null : new Spelling(Random.Next(2) == 0 ? null : JsonValue.Create(""));
            case string s:
                return new Spelling(JsonValue.Create(s));
            case decimal d:
                return d == 0 && Random.Next(4) == 0 ? null : new Spelling(Random.Next(4) switch
                {
                    0 => JsonNode.Parse(d.ToString(CultureInfo.InvariantCulture)),
                    1 => JsonNode.Parse(d.ToString("0.0###", CultureInfo.InvariantCulture)),
                    2 => JsonValue.Create(d.ToString("0.00##", CultureInfo.InvariantCulture)),
                    _ => JsonValue.Create((double)d),
                });
            case DateOnly date:
                return new Spelling(JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            case TimeSpan time:
                return new Spelling(JsonValue.Create(Random.Next(2) == 0 ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : time.ToString(@"hh\:mm\:ss\.ffffff", CultureInfo.InvariantCulture)));
            case DateTime moment:
                var format = moment.Ticks % TimeSpan.TicksPerSecond != 0 || Random.Next(2) == 0 ? "yyyy-MM-dd HH:mm:ss.ffffff" : "yyyy-MM-dd HH:mm:ss";
                var text = moment.ToString(format, CultureInfo.InvariantCulture);
                return new Spelling(JsonValue.Create(Random.Next(3) == 0 ? text.Replace(' ', 'T') : text));
            default:
                throw new InvalidOperationException(value.GetType().Name);
        }
    }

    private static bool IsNumeric(string key) => key is "qty" or "rate" or "amount" or "total" or "grand_total" or "conversion_rate" or "per_delivered" or "delivered_qty";

    private decimal Money() => Random.Next(5) == 0 ? 0m : Math.Round((decimal)Random.NextDouble() * 10000m, Random.Next(0, 3));

    private T? Maybe<T>(Func<T> make) => Random.Next(3) == 0 ? default : make();

    private T Pick<T>(IReadOnlyList<T> options) => options[Random.Next(options.Count)];

    private sealed record Spelling(JsonNode? Node);
}
