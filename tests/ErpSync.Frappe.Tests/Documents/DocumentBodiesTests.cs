using System.Text.Json.Nodes;
using ErpSync.Frappe.Documents;

namespace ErpSync.Frappe.Tests.Documents;

public sealed class DocumentBodiesTests
{
    [Fact]
    public void Normalize_ParsedNumbers_KeepTheirExactText()
    {
        var text = """{"name":"X","grand_total":12345678901234567.89,"rate":0.1,"qty":2.0,"big":1e400,"items":[{"amount":20.000,"x":null}],"gone":null}""";

        var document = DocumentBodies.Normalize(JsonNode.Parse(text)!.AsObject());

        document.ToJsonString().ShouldBe("""{"name":"X","grand_total":12345678901234567.89,"rate":0.1,"qty":2.0,"big":1e400,"items":[{"amount":20.000}]}""");
    }

    [Fact]
    public void ForInsert_Always_CopiesAndNeverChangesTheCallersDocument()
    {
        var original = new JsonObject { ["a"] = 1, ["__islocal"] = 1 };

        var body = DocumentBodies.ForInsert(original);

        body.ContainsKey("__islocal").ShouldBeFalse();
        original.ContainsKey("__islocal").ShouldBeTrue();
    }
}
