using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Naming;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Controllers.ErpNext;

/// <summary>
/// Item as ERPNext validates it: item_name and description default from the code, and the stock UOM always
/// has a row (factor 1) in the UOM conversion table — rows the server adds on its own.
/// </summary>
internal sealed class ItemController : DocController
{
    public override void Validate(DocContext ctx, Doc doc, DocAction action)
    {
        if (!PyConvert.Truthy(doc["item_name"]))
            doc["item_name"] = doc["item_code"];
        if (!PyConvert.Truthy(doc["description"]))
            doc["description"] = doc["item_name"];
        var stockUom = doc.GetString("stock_uom");
        var uoms = doc.Table("uoms");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in uoms)
        {
            var uom = row.GetString("uom") ?? string.Empty;
            if (!seen.Add(uom))
                throw Fail.Throw($"Unit of Measure {uom} has been entered more than once in Conversion Factor Table");
            if (uom == stockUom && PyConvert.Flt(row["conversion_factor"]) != 1)
                throw Fail.Throw($"Conversion factor for default Unit of Measure must be 1 in row {PyConvert.Cint(row["idx"])}");
        }

        if (!string.IsNullOrEmpty(stockUom) && !seen.Contains(stockUom))
        {
            var row = new Doc("UOM Conversion Detail") { Unsaved = true };
            row["uom"] = stockUom;
            row["conversion_factor"] = 1.0;
            row["idx"] = (long)uoms.Count + 1;
            row.Name = HashNames.New(ctx.Site.Clock.TimeProvider);
            uoms.Add(row);
        }
    }
}
