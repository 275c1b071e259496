using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ErpSync.Server.Tests.Support;

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4, independent of the writer: it throws
/// <see cref="FormatException"/> on any line a Prometheus server would reject (names, label syntax and
/// escapes, values, HELP/TYPE placement, duplicate series, histogram bucket rules).
/// </summary>
internal static partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public sealed record Family(string Name, string Type, string? Help, List<Sample> Samples);

    public static IReadOnlyDictionary<string, Family> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
            throw new FormatException("The exposition must end with a line feed.");
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var (line, number) in text.Split('\n').Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0)
                continue;
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length < 4 || !MetricName().IsMatch(parts[2]))
                    throw new FormatException($"line {number}: bad {parts[1]} line '{line}'");
                var family = families.TryGetValue(parts[2], out var f) ? f : families[parts[2]] = new Family(parts[2], "untyped", null, []);
                if (family.Samples.Count > 0)
                    throw new FormatException($"line {number}: {parts[1]} for {parts[2]} after its samples");
                if (parts[1] == "TYPE")
                {
                    if (family.Type != "untyped" || parts[3] is not ("counter" or "gauge" or "histogram" or "summary" or "untyped"))
                        throw new FormatException($"line {number}: duplicate or unknown TYPE '{parts[3]}'");
                    families[parts[2]] = family with { Type = parts[3] };
                }
                else
                {
                    if (family.Help is not null)
                        throw new FormatException($"line {number}: duplicate HELP for {parts[2]}");
                    families[parts[2]] = family with { Help = Unescape(parts[3], help: true) };
                }

                current = parts[2];
                continue;
            }

            if (line.StartsWith('#'))
                continue;
            var sample = ParseSample(line, number);
            var owner = FamilyOf(sample.Name, families, current)
                        ?? throw new FormatException($"line {number}: sample {sample.Name} has no TYPE line before it");
            var key = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            if (!seen.Add(key))
                throw new FormatException($"line {number}: duplicate series {key}");
            families[owner].Samples.Add(sample);
        }

        foreach (var family in families.Values)
            Check(family);
        return families;
    }

    private static string? FamilyOf(string sample, Dictionary<string, Family> families, string? current)
    {
        if (families.TryGetValue(sample, out var exact) && exact.Type != "histogram")
            return sample;
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && families.TryGetValue(sample[..^suffix.Length], out var h) && h.Type == "histogram")
                return h.Name;
        }

        return current is not null && families[current].Type == "untyped" && sample == current ? current : null;
    }

    private static void Check(Family family)
    {
        switch (family.Type)
        {
            case "counter":
                foreach (var s in family.Samples)
                {
                    if (s.Name != family.Name || s.Value < 0 || double.IsNaN(s.Value))
                        throw new FormatException($"counter {family.Name}: bad sample {s.Name} {s.Value}");
                }

                break;
            case "histogram":
                foreach (var series in family.Samples.GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key).Select(l => l.Key + "=" + l.Value))))
                {
                    var buckets = series.Where(s => s.Name == family.Name + "_bucket").ToList();
                    var count = series.SingleOrDefault(s => s.Name == family.Name + "_count") ?? throw new FormatException($"histogram {family.Name}: no _count");
                    _ = series.SingleOrDefault(s => s.Name == family.Name + "_sum") ?? throw new FormatException($"histogram {family.Name}: no _sum");
                    if (buckets.Any(b => !b.Labels.ContainsKey("le")))
                        throw new FormatException($"histogram {family.Name}: bucket without le");
                    var ordered = buckets.Select(b => (Le: ParseValue(b.Labels["le"]), b.Value)).ToList();
                    for (var i = 1; i < ordered.Count; i++)
                    {
                        if (ordered[i].Le <= ordered[i - 1].Le || ordered[i].Value < ordered[i - 1].Value)
                            throw new FormatException($"histogram {family.Name}: buckets not ascending and cumulative");
                    }

                    if (ordered.Count == 0 || !double.IsPositiveInfinity(ordered[^1].Le) || ordered[^1].Value != count.Value)
                        throw new FormatException($"histogram {family.Name}: +Inf bucket missing or not equal to _count");
                }

                break;
        }
    }

    private static Sample ParseSample(string line, int number)
    {
        var match = SampleLine().Match(line);
        if (!match.Success)
            throw new FormatException($"line {number}: not a sample line: '{line}'");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = match.Groups["labels"].Value;
        var position = 0;
        while (position < body.Length)
        {
            var label = LabelPair().Match(body, position);
            if (!label.Success || label.Index != position)
                throw new FormatException($"line {number}: bad labels '{body}'");
            if (!labels.TryAdd(label.Groups["name"].Value, Unescape(label.Groups["value"].Value, help: false)))
                throw new FormatException($"line {number}: label {label.Groups["name"].Value} twice");
            position += label.Length;
            if (position < body.Length)
            {
                if (body[position] != ',')
                    throw new FormatException($"line {number}: labels not separated by commas");
                position++;
            }
        }

        return new Sample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value));
    }

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"bad value '{value}'"),
    };

    private static string Unescape(string value, bool help)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                if (!help && value[i] == '"')
                    throw new FormatException("unescaped quote in a label value");
                builder.Append(value[i]);
                continue;
            }

            if (++i >= value.Length)
                throw new FormatException("dangling backslash");
            builder.Append(value[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when !help => '"',
                _ => throw new FormatException($"bad escape \\{value[i]}"),
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( -?\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
