using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Emulator;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>Test data on emulated sites, inserted as a desk user would (validation, naming, webhooks).</summary>
internal static class ScenarioData
{
    private static int _counter;

    /// <summary>A name unique in this test run: <paramref name="prefix"/> plus a counter and a random tail.</summary>
    public static string Unique(string prefix) =>
        $"{prefix} {Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}{Guid.NewGuid().ToString("N")[..4]}";

    /// <summary>
    /// Defines the same custom DocType on both sites; fields as <c>fieldname:Fieldtype[:options][:flag,flag]</c>.
    /// <paramref name="localOnly"/> fields exist on the local site only (schema drift).
    /// </summary>
    public static string DocType(ScenarioSites sites, string prefix, string autoname, IEnumerable<string> fields, bool submittable = false, IEnumerable<string>? localOnly = null)
    {
        var name = Unique(prefix);
        var shared = fields.ToList();
        Define(sites.CloudDb, name, autoname, shared, submittable);
        Define(sites.LocalDb, name, autoname, shared.Concat(localOnly ?? []), submittable);
        return name;
    }

    public static string Customer(EmulatorBackdoor db, string customerName, string territory = "India") =>
        Name(db.Insert("Customer", new JsonObject { ["customer_name"] = customerName, ["customer_group"] = "Commercial", ["territory"] = territory }));

    public static string Item(EmulatorBackdoor db, string code)
    {
        if (!db.Exists("Item", code))
            db.Insert("Item", new JsonObject { ["item_code"] = code, ["item_group"] = "Products" });
        return code;
    }

    public static JsonObject SalesOrder(EmulatorBackdoor db, string customer, params (string Item, double Qty, double Rate)[] lines)
    {
        var items = new JsonArray();
        foreach (var (item, qty, rate) in lines)
            items.Add(new JsonObject { ["item_code"] = item, ["qty"] = qty, ["rate"] = rate });
        return db.Insert("Sales Order", new JsonObject { ["customer"] = customer, ["delivery_date"] = "2099-01-31", ["items"] = items });
    }

    public static string Name(JsonObject document) => document["name"]!.GetValue<string>();

    public static string? Text(JsonObject? document, string field) => document?[field] is JsonValue value ? value.ToString() : null;

    public static double Number(JsonObject? document, string field) => document?[field] is JsonValue value ? value.GetValue<double>() : 0;

    public static int Docstatus(JsonObject? document) => document?["docstatus"] is JsonValue value ? value.GetValue<int>() : 0;

    private static void Define(EmulatorBackdoor db, string name, string autoname, IEnumerable<string> fields, bool submittable)
    {
        var list = new JsonArray();
        foreach (var spec in fields)
        {
            var parts = spec.Split(':');
            var field = new JsonObject { ["fieldname"] = parts[0], ["fieldtype"] = parts[1], ["label"] = parts[0].Replace('_', ' ') };
            if (parts.Length > 2 && parts[2].Length > 0)
                field["options"] = parts[2].Replace("\\n", "\n", StringComparison.Ordinal);
            foreach (var flag in parts.Length > 3 ? parts[3].Split(',') : [])
            {
                if (flag.Length > 0)
                    field[flag] = 1;
            }

            list.Add(field);
        }

        db.Insert("DocType", new JsonObject
        {
            ["name"] = name, ["module"] = "Custom", ["custom"] = 1, ["autoname"] = autoname,
            ["is_submittable"] = submittable ? 1 : 0, ["fields"] = list,
        });
    }
}
