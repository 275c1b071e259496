using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Errors;

namespace ErpSync.Frappe.Tests.Errors;

public sealed class LinkErrorParserTests
{
    private static readonly DocTypeMeta Order = new()
    {
        Name = "Sales Order",
        Fields =
        [
            new FieldMeta { Fieldname = "customer", Fieldtype = "Link", Label = "Customer", Options = "Customer" },
            new FieldMeta { Fieldname = "party_type", Fieldtype = "Link", Label = "Party Type", Options = "DocType" },
            new FieldMeta { Fieldname = "party", Fieldtype = "Dynamic Link", Label = "Party", Options = "party_type" },
            new FieldMeta { Fieldname = "items", Fieldtype = "Table", Label = "Items", Options = "Sales Order Item" },
            new FieldMeta { Fieldname = "taxes", Fieldtype = "Table", Label = "Taxes", Options = "Sales Taxes" },
        ],
        Children = new Dictionary<string, DocTypeMeta>
        {
            ["Sales Order Item"] = new() { Name = "Sales Order Item", IsTable = true, Fields = [new FieldMeta { Fieldname = "item_code", Fieldtype = "Link", Label = "Item Code", Options = "Item" }] },
            ["Sales Taxes"] = new() { Name = "Sales Taxes", IsTable = true, Fields = [new FieldMeta { Fieldname = "account", Fieldtype = "Link", Label = "Item Code", Options = "Account" }] },
        },
    };

    [Fact]
    public void Parse_SeveralJoined_SplitsEachEntry()
    {
        var links = LinkErrorParser.Parse("Could not find Customer: ACME, Row #2: Item Code: IT-9, Row #10: Item Code: IT-10");

        links.ShouldBe([
            new MissingLink("Customer", "ACME"),
            new MissingLink("Item Code", "IT-9", null, 2),
            new MissingLink("Item Code", "IT-10", null, 10),
        ]);
    }

    [Fact]
    public void Parse_NameContainingCommaWithKnownLabels_KeepsTheNameWhole()
    {
        var links = LinkErrorParser.Parse("Could not find Customer: Acme, Inc., Row #1: Item Code: Bolts, 10mm", LinkErrorParser.LabelsOf(Order));

        links.ShouldBe([new MissingLink("Customer", "Acme, Inc."), new MissingLink("Item Code", "Bolts, 10mm", null, 1)]);
    }

    [Fact]
    public void Resolve_ChildLabelInTwoTables_PicksTheTableWhoseRowHoldsTheValue()
    {
        var sent = new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["item_code"] = "IT-1" }),
            ["taxes"] = new JsonArray(new JsonObject { ["account"] = "X" }, new JsonObject { ["account"] = "VAT 19%" }),
        };

        var resolved = LinkErrorParser.Resolve([new MissingLink("Item Code", "VAT 19%", null, 2)], Order, sent);

        resolved.ShouldBe([new MissingLink("Account", "VAT 19%", "account", 2)]);
    }

    [Fact]
    public void Resolve_DynamicLink_TakesTargetFromTheDocument()
    {
        var sent = new JsonObject { ["party_type"] = "Supplier", ["party"] = "SUP-1" };

        LinkErrorParser.Resolve([new MissingLink("Party", "SUP-1")], Order, sent).ShouldBe([new MissingLink("Supplier", "SUP-1", "party")]);
    }

    [Fact]
    public void Parse_NotALinkMessage_ReturnsNothing()
    {
        LinkErrorParser.Parse("Something else happened").ShouldBeEmpty();
    }
}
