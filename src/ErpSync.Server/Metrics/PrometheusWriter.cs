using System.Globalization;
using System.Text;

namespace ErpSync.Server.Metrics;

/// <summary>
/// Writes metric families in the Prometheus text exposition format 0.0.4: <c># HELP</c> and <c># TYPE</c> once
/// per family, then one line per sample; histogram buckets cumulative with a final <c>le="+Inf"</c> equal to
/// <c>_count</c>. Names and label names are reduced to <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; label values and help
/// text are escaped as the format requires.
/// </summary>
internal static class PrometheusWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var name = SanitizeName(family.Name);
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(family.Kind switch
            {
                MetricKind.Counter => "counter",
                MetricKind.Histogram => "histogram",
                _ => "gauge",
            }).Append('\n');
            foreach (var series in family.Series)
            {
                if (family.Kind == MetricKind.Histogram)
                    WriteHistogram(text, name, series);
                else
                    WriteSample(text, name, series.Labels, null, series.Value);
            }
        }

        return text.ToString();
    }

    private static void WriteHistogram(StringBuilder text, string name, MetricSeries series)
    {
        long cumulative = 0;
        for (var i = 0; i < series.Bounds.Count; i++)
        {
            cumulative += i < series.BucketCounts.Count ? series.BucketCounts[i] : 0;
            WriteSample(text, name + "_bucket", series.Labels, new("le", Number(series.Bounds[i])), cumulative);
        }

        WriteSample(text, name + "_bucket", series.Labels, new("le", "+Inf"), series.Count);
        WriteSample(text, name + "_sum", series.Labels, null, series.Sum);
        WriteSample(text, name + "_count", series.Labels, null, series.Count);
    }

    private static void WriteSample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, KeyValuePair<string, string>? extra, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || extra is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in extra is { } e ? labels.Append(e) : labels)
            {
                if (!first)
                    text.Append(',');
                first = false;
                text.Append(SanitizeLabel(key)).Append("=\"").Append(EscapeLabelValue(labelValue)).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string SanitizeName(string name) => Sanitize(name, allowColon: true);

    public static string SanitizeLabel(string name) => Sanitize(name, allowColon: false);

    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
