using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Merging;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Merging;

public sealed class MergePropertyTests
{
    private const int Runs = 100;

    private static readonly ContentRules Keyed = new(keyFields: new Dictionary<string, IReadOnlyList<string>> { ["items"] = ["item_code"] });

    public static TheoryData<bool> KeyModes => new() { true, false };

    [Theory]
    [MemberData(nameof(KeyModes))]
    public void Merge_OnlyCloudChanged_GivesCloud(bool keyed) => ForAll(keyed, 41, (rules, b, x, _) =>
    {
        var result = FieldMerger.Merge(b, x, b, rules);

        result.IsClean.ShouldBeTrue();
        CanonicalDocument.FromContent(result.Merged).Json.ShouldBe(x.Json);
    });

    [Theory]
    [MemberData(nameof(KeyModes))]
    public void Merge_OnlyLocalChanged_GivesLocal(bool keyed) => ForAll(keyed, 42, (rules, b, _, y) =>
    {
        var result = FieldMerger.Merge(b, b, y, rules);

        result.IsClean.ShouldBeTrue();
        CanonicalDocument.FromContent(result.Merged).Json.ShouldBe(y.Json);
    });

    [Theory]
    [MemberData(nameof(KeyModes))]
    public void Merge_BothChangedIdentically_GivesThatChange(bool keyed) => ForAll(keyed, 43, (rules, b, x, _) =>
    {
        var result = FieldMerger.Merge(b, x, x, rules);

        result.IsClean.ShouldBeTrue();
        CanonicalDocument.FromContent(result.Merged).Json.ShouldBe(x.Json);
    });

    [Theory]
    [MemberData(nameof(KeyModes))]
    public void Merge_SidesSwapped_IsTheSameUpToLabels(bool keyed) => ForAll(keyed, 44, (rules, b, x, y) =>
    {
        var forward = FieldMerger.Merge(b, x, y, rules, SiteName.Cloud);
        var swapped = FieldMerger.Merge(b, y, x, rules, SiteName.Local);

        CanonicalDocument.FromContent(swapped.Merged).Json.ShouldBe(CanonicalDocument.FromContent(forward.Merged).Json);
        swapped.ConflictingPaths.ShouldBe(forward.ConflictingPaths);
        for (var i = 0; i < forward.Conflicts.Count; i++)
        {
            CanonicalJson.ValueEquals(swapped.Conflicts[i].Cloud, forward.Conflicts[i].Local).ShouldBeTrue();
            CanonicalJson.ValueEquals(swapped.Conflicts[i].Local, forward.Conflicts[i].Cloud).ShouldBeTrue();
        }
    });

    [Theory]
    [MemberData(nameof(KeyModes))]
    public void Merge_EveryValue_ComesFromBaseCloudOrLocal(bool keyed) => ForAll(keyed, 45, (rules, b, x, y) =>
    {
        var prefer = x.Hash.CompareTo(y.Hash) < 0 ? SiteName.Cloud : SiteName.Local;
        var merged = FieldMerger.Merge(b, x, y, rules, prefer).Merged;

        foreach (var (field, value) in merged)
        {
            if (field == "items" && keyed)
            {
                foreach (var row in value!.AsArray().Select(r => r!.AsObject()))
                {
                    var code = row["item_code"]!.GetValue<string>();
                    var candidates = new[] { b, x, y }.SelectMany(d => RowKeys.Rows(d["items"])).Where(r => r["item_code"]!.GetValue<string>() == code).ToList();
                    foreach (var (rowField, rowValue) in row)
                        candidates.Any(c => CanonicalJson.ValueEquals(c[rowField], rowValue)).ShouldBeTrue($"items[{code}].{rowField}");
                }

                continue;
            }

            new[] { b[field], x[field], y[field] }.Any(v => CanonicalJson.ValueEquals(v, value)).ShouldBeTrue(field);
        }
    });

    [Theory]
    [MemberData(nameof(KeyModes))]
    public void Merge_CleanMerge_KeepsEveryOneSidedChange(bool keyed) => ForAll(keyed, 46, (rules, b, x, y) =>
    {
        var result = FieldMerger.Merge(b, x, y, rules);
        if (!result.IsClean)
            return;

        var merged = CanonicalDocument.FromContent(result.Merged);
        foreach (var field in b.Fields.Union(x.Fields).Union(y.Fields))
        {
            if (!CanonicalJson.ValueEquals(x[field], b[field]) && CanonicalJson.ValueEquals(y[field], b[field]) && !(keyed && field == "items"))
                CanonicalJson.ValueEquals(merged[field], x[field]).ShouldBeTrue(field);
            if (!CanonicalJson.ValueEquals(y[field], b[field]) && CanonicalJson.ValueEquals(x[field], b[field]) && !(keyed && field == "items"))
                CanonicalJson.ValueEquals(merged[field], y[field]).ShouldBeTrue(field);
        }
    });

    private static void ForAll(bool keyed, int seed, Action<ContentRules, CanonicalDocument, CanonicalDocument, CanonicalDocument> property)
    {
        var rules = keyed ? Keyed : ContentRules.None;
        var generator = new DocGenerator(seed);
        for (var run = 0; run < Runs; run++)
        {
            var semantic = generator.Semantic();
            var b = Canon.Of(generator.Render(semantic), ErpNextMeta.SalesOrder);
            var x = Mutate(generator, b);
            var y = Mutate(generator, b);
            try
            {
                property(rules, b, x, y);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"run {run}\nbase  {b.Json}\ncloud {x.Json}\nlocal {y.Json}", ex);
            }
        }
    }

    /// <summary>A random edit: scalar fields changed or cleared, rows added, removed, edited or reordered.</summary>
    private static CanonicalDocument Mutate(DocGenerator generator, CanonicalDocument document)
    {
        var random = generator.Random;
        var content = document.Content;
        string[] scalars = ["po_no", "terms", "grand_total", "status", "letter_head", "delivery_date"];
        foreach (var field in scalars.Where(_ => random.Next(4) == 0))
        {
            content[field] = random.Next(4) == 0 ? null : random.Next(3) switch
            {
                0 => JsonValue.Create($"v{random.Next(3)}"),
                1 => JsonValue.Create(random.Next(3) * 1.5m),
                _ => JsonValue.Create("2026-12-0" + random.Next(1, 4)),
            };
        }

        var rows = RowKeys.Rows(content["items"]).Select(r => (JsonObject)r.DeepClone()).ToList();
        if (random.Next(3) == 0 && rows.Count > 0)
            rows.RemoveAt(random.Next(rows.Count));
        if (random.Next(3) == 0)
        {
            var code = $"ITEM-N{random.Next(3)}";
            if (rows.All(r => r["item_code"]!.GetValue<string>() != code))
                rows.Insert(random.Next(rows.Count + 1), new JsonObject { ["item_code"] = code, ["qty"] = random.Next(1, 3), ["rate"] = 1 });
        }

        foreach (var row in rows.Where(_ => random.Next(4) == 0))
            row[random.Next(2) == 0 ? "qty" : "rate"] = random.Next(1, 4);
        if (random.Next(6) == 0 && rows.Count > 1)
            (rows[0], rows[^1]) = (rows[^1], rows[0]);

        content["items"] = new JsonArray(rows.Select(r => (JsonNode?)r).ToArray());
        return CanonicalDocument.FromContent(content);
    }
}
