using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Canonical;

public sealed class CanonicalPropertyTests
{
    private const int Runs = 150;

    [Fact]
    public void Canonicalize_TwoSpellingsOfOneDocument_HashEqually()
    {
        var generator = new DocGenerator(seed: 1);
        for (var run = 0; run < Runs; run++)
        {
            var semantic = generator.Semantic();
            var a = Canon.Of(generator.Render(semantic), ErpNextMeta.SalesOrder);
            var b = Canon.Of(generator.Render(semantic, name: "SO-LOCAL-0007"), ErpNextMeta.SalesOrder);

            b.Json.ShouldBe(a.Json, $"run {run}");
            b.Hash.ShouldBe(a.Hash);
        }
    }

    [Fact]
    public void Canonicalize_CanonicalContentAsInput_IsAFixedPoint()
    {
        var generator = new DocGenerator(seed: 2);
        for (var run = 0; run < Runs; run++)
        {
            var once = Canon.Of(generator.Render(generator.Semantic()), ErpNextMeta.SalesOrder);
            var twice = Canon.Of(once.Content, ErpNextMeta.SalesOrder);

            twice.Json.ShouldBe(once.Json, $"run {run}");
        }
    }

    [Fact]
    public void Canonicalize_AnyChangedValue_ChangesTheHash()
    {
        var generator = new DocGenerator(seed: 3);
        string[] fields = ["customer", "po_no", "grand_total", "terms", "transaction_date", "expected_at"];
        for (var run = 0; run < Runs; run++)
        {
            var semantic = generator.Semantic();
            var before = Canon.Of(generator.Render(semantic), ErpNextMeta.SalesOrder);
            var field = fields[generator.Random.Next(fields.Length)];
            semantic[field] = semantic[field] switch
            {
                decimal d => d + 0.01m,
                DateOnly date => date.AddDays(1),
                DateTime moment => moment.AddTicks(10),
                string s when s.Length > 0 => s + "x",
                _ => "changed",
            };
            var after = Canon.Of(generator.Render(semantic), ErpNextMeta.SalesOrder);

            after.Hash.ShouldNotBe(before.Hash, $"run {run}, field {field}");
        }
    }

    [Fact]
    public void Canonicalize_LocalDocumentWithMappedLinks_EqualsCloudSpelling()
    {
        var generator = new DocGenerator(seed: 4);
        var names = new NameMap(["Customer"],
        [
            new NamePair("Customer", "CUST-2026-00001", "CUST-L-9"),
            new NamePair("Customer", "CUST-2026-00002", "CUST-L-8"),
            new NamePair("Customer", "CUST-2026-00003", "CUST-L-7"),
        ]);
        for (var run = 0; run < Runs; run++)
        {
            var semantic = generator.Semantic();
            var cloud = Canon.Of(generator.Render(semantic), ErpNextMeta.SalesOrder, SiteName.Cloud, names);
            semantic["customer"] = names.Translate("Customer", (string)semantic["customer"]!, SiteName.Cloud);
            var local = Canon.Of(generator.Render(semantic), ErpNextMeta.SalesOrder, SiteName.Local, names);

            local.Hash.ShouldBe(cloud.Hash, $"run {run}");
        }
    }

    [Fact]
    public void CanonicalJson_ObjectsWithShuffledKeys_SerialiseIdentically()
    {
        var random = new Random(5);
        for (var run = 0; run < Runs; run++)
        {
            var keys = Enumerable.Range(0, random.Next(1, 12)).Select(i => $"k{random.Next(50)}_{i}").ToList();
            var values = keys.ToDictionary(k => k, _ => (JsonNode?)JsonValue.Create(random.Next(1000) / 10m));
            var a = new JsonObject(keys.Select(k => KeyValuePair.Create(k, values[k]?.DeepClone())));
            var b = new JsonObject(keys.OrderBy(_ => random.Next()).Select(k => KeyValuePair.Create(k, values[k]?.DeepClone())));

            CanonicalJson.Serialize(a).ShouldBe(CanonicalJson.Serialize(b));
        }
    }
}
