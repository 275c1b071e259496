using ErpSync.Core.Engine;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Tests.Engine;

public sealed class SharedSchemaTests
{
    private static FieldMeta F(string name, string type, string? options = null, bool allowOnSubmit = false, bool readOnly = false) =>
        new() { Fieldname = name, Fieldtype = type, Options = options, AllowOnSubmit = allowOnSubmit, ReadOnly = readOnly };

    private static DocTypeMeta Child(params FieldMeta[] fields) => new() { Name = "Order Line", IsTable = true, Fields = fields };

    [Fact]
    public void Intersect_FieldsOnOneSiteOnly_AreLeftOutAndReported()
    {
        var cloud = new DocTypeMeta
        {
            Name = "Order", IsSubmittable = true, Autoname = "hash",
            Fields = [F("title", "Data"), F("cloud_note", "Data"), F("section", "Section Break"), F("lines", "Table", "Order Line"), F("qty", "Int")],
            Children = new Dictionary<string, DocTypeMeta> { ["Order Line"] = Child(F("item", "Data"), F("cloud_col", "Data")) },
        };
        var local = new DocTypeMeta
        {
            Name = "Order", IsSubmittable = true, Autoname = "hash",
            Fields = [F("title", "Data", allowOnSubmit: true), F("local_note", "Data"), F("lines", "Table", "Order Line"), F("qty", "Link", "UOM")],
            Children = new Dictionary<string, DocTypeMeta> { ["Order Line"] = Child(F("item", "Data", readOnly: true)) },
        };

        var (shared, drift) = SharedSchema.Intersect(cloud, local);

        shared.Fields.Select(f => f.Fieldname).ShouldBe(["title", "lines"]);
        shared.Field("title")!.AllowOnSubmit.ShouldBeFalse();
        shared.Children["Order Line"].Fields.ShouldHaveSingleItem().ReadOnly.ShouldBeTrue();
        drift.OnlyOnCloud.ShouldBe(["cloud_note", "lines.cloud_col"]);
        drift.OnlyOnLocal.ShouldBe(["local_note"]);
        drift.Mismatches.ShouldHaveSingleItem().ShouldStartWith("qty: Int on cloud, Link on local");
        drift.HasDrift.ShouldBeTrue();
    }

    [Fact]
    public void Intersect_IdenticalMeta_HasNoDrift()
    {
        var meta = new DocTypeMeta { Name = "Note", Autoname = "hash", Fields = [F("title", "Data")] };

        var (shared, drift) = SharedSchema.Intersect(meta, meta);

        drift.HasDrift.ShouldBeFalse();
        shared.Fields.ShouldBe(meta.Fields);
    }
}
