using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Emulator;

namespace ErpSync.Benchmarks.Sync;

/// <summary>
/// The benchmark's documents, inserted in-process as a desk user would (validation, naming): Customers, Items,
/// and submitted-free (draft) Sales Orders with three item rows each, linking to those Customers and Items.
/// </summary>
internal sealed class Dataset
{
    public List<string> Customers { get; } = [];

    public List<string> Items { get; } = [];

    public List<string> SalesOrders { get; } = [];

    public int Count => Customers.Count + Items.Count + SalesOrders.Count;

    public static Dataset Insert(EmulatorBackdoor db, int customers, int items, int orders, string prefix = "")
    {
        var data = new Dataset();
        for (var i = 0; i < customers; i++)
            data.Customers.Add(Name(db.Insert("Customer", new JsonObject { ["customer_name"] = $"{prefix}Customer {i:D6}", ["customer_group"] = "Commercial", ["territory"] = "India" })));
        for (var i = 0; i < items; i++)
            data.Items.Add(Name(db.Insert("Item", new JsonObject { ["item_code"] = $"{prefix}ITEM-{i:D5}", ["item_name"] = $"Item {i}", ["item_group"] = "Products" })));
        for (var i = 0; i < orders; i++)
        {
            var rows = new JsonArray();
            for (var r = 0; r < 3; r++)
                rows.Add(new JsonObject { ["item_code"] = data.Items[((i * 3) + r) % data.Items.Count], ["qty"] = 1 + r, ["rate"] = 10.5 + r });
            data.SalesOrders.Add(Name(db.Insert("Sales Order", new JsonObject { ["customer"] = data.Customers[i % data.Customers.Count], ["delivery_date"] = "2099-01-31", ["items"] = rows })));
        }

        return data;
    }

    /// <summary>The documents of the benchmark's DocTypes that a site holds (e.g. the copies an initial sync made).</summary>
    public static Dataset Read(EmulatorBackdoor db)
    {
        var data = new Dataset();
        data.Customers.AddRange(db.Query("Customer", "[\"name\"]").Select(Name));
        data.Items.AddRange(db.Query("Item", "[\"name\"]").Select(Name));
        data.SalesOrders.AddRange(db.Query("Sales Order", "[\"name\"]").Select(Name));
        return data;
    }

    /// <summary>Edits every <paramref name="step"/>-th document of each DocType starting at <paramref name="offset"/>; returns how many.</summary>
    public int Edit(EmulatorBackdoor db, int step, int offset, string marker)
    {
        var edited = 0;
        for (var i = offset; i < Customers.Count; i += step, edited++)
            db.Update("Customer", Customers[i], new JsonObject { ["customer_details"] = marker });
        for (var i = offset; i < Items.Count; i += step, edited++)
            db.Update("Item", Items[i], new JsonObject { ["item_name"] = marker + " " + i.ToString(CultureInfo.InvariantCulture) });
        for (var i = offset; i < SalesOrders.Count; i += step, edited++)
            db.Update("Sales Order", SalesOrders[i], new JsonObject { ["po_no"] = marker });
        return edited;
    }

    private static string Name(JsonObject document) => document["name"]!.GetValue<string>();
}
