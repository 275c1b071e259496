using ErpSync.Server.Metrics;
using ErpSync.Server.Tests.Support;

namespace ErpSync.Server.Tests.Metrics;

public sealed class PrometheusWriterTests
{
    private static readonly KeyValuePair<string, string>[] NoLabels = [];

    [Fact]
    public void Write_CounterGaugeAndHistogram_ParsesBackExactly()
    {
        var text = PrometheusWriter.Write(
        [
            new MetricFamily("erpsync_server_webhooks_total", "Webhooks received", MetricKind.Counter,
            [
                new MetricSeries([new("result", "accepted"), new("source", "cloud")], 12),
                new MetricSeries([new("result", "unauthorized"), new("source", "local")], 1),
            ]),
            new MetricFamily("erpsync_server_queue_depth", "Queue items", MetricKind.Gauge, [new MetricSeries([new("status", "pending")], 3)]),
            new MetricFamily("erpsync_server_processing_duration_seconds", "Duration", MetricKind.Histogram,
            [
                new MetricSeries([new("doctype", "Customer")], 0) { Bounds = [0.1, 1, 10], BucketCounts = [2, 3, 0, 1], Sum = 14.5, Count = 6 },
            ]),
        ]);

        var families = PrometheusText.Parse(text);

        families["erpsync_server_webhooks_total"].Type.ShouldBe("counter");
        families["erpsync_server_webhooks_total"].Samples.Single(s => s.Labels["result"] == "accepted").Value.ShouldBe(12);
        families["erpsync_server_queue_depth"].Samples.ShouldHaveSingleItem().Value.ShouldBe(3);
        var histogram = families["erpsync_server_processing_duration_seconds"];
        histogram.Type.ShouldBe("histogram");
        histogram.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => (s.Labels["le"], s.Value))
            .ShouldBe([("0.1", 2), ("1", 5), ("10", 5), ("+Inf", 6)]);
        histogram.Samples.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Value.ShouldBe(14.5);
        histogram.Samples.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value.ShouldBe(6);
    }

    [Fact]
    public void Write_LabelValuesAndHelpWithSpecialCharacters_EscapedAndRoundTrip()
    {
        var nasty = "Müller \"Q\" \\ GmbH\nline two";
        var text = PrometheusWriter.Write([new MetricFamily("x_total", "help with \\ and\nnewline", MetricKind.Counter, [new MetricSeries([new("doctype", nasty)], 1)])]);

        text.ShouldContain("doctype=\"Müller \\\"Q\\\" \\\\ GmbH\\nline two\"");
        var family = PrometheusText.Parse(text)["x_total"];
        family.Help.ShouldBe("help with \\ and\nnewline");
        family.Samples.ShouldHaveSingleItem().Labels["doctype"].ShouldBe(nasty);
    }

    [Fact]
    public void Write_InvalidNamesAndSpecialValues_SanitisedAndFormatted()
    {
        var text = PrometheusWriter.Write(
        [
            new MetricFamily("9bad.name-x", "h", MetricKind.Gauge,
            [
                new MetricSeries([new("bad-label", "v")], double.PositiveInfinity),
                new MetricSeries([new("bad-label", "w")], double.NaN),
                new MetricSeries([new("bad-label", "z")], 1e-7),
            ]),
        ]);

        var family = PrometheusText.Parse(text)["_9bad_name_x"];
        family.Samples.Select(s => s.Labels["bad_label"]).ShouldBe(["v", "w", "z"]);
        double.IsPositiveInfinity(family.Samples[0].Value).ShouldBeTrue();
        double.IsNaN(family.Samples[1].Value).ShouldBeTrue();
        family.Samples[2].Value.ShouldBe(1e-7);
    }

    [Fact]
    public void Write_NoFamilies_IsEmpty() => PrometheusWriter.Write([]).ShouldBeEmpty();

    [Fact]
    public void Parse_ReaderRejectsWhatPrometheusRejects()
    {
        // The test's reader must be able to fail, or passing it proves nothing.
        Should.Throw<FormatException>(() => PrometheusText.Parse("x_total 1\n"));
        Should.Throw<FormatException>(() => PrometheusText.Parse("# TYPE x counter\nx{a=\"b\" } 1\n"));
        Should.Throw<FormatException>(() => PrometheusText.Parse("# TYPE x counter\nx{a=\"b\"} 1\nx{a=\"b\"} 2\n"));
        Should.Throw<FormatException>(() => PrometheusText.Parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n"));
        Should.Throw<FormatException>(() => PrometheusText.Parse("# TYPE g gauge\ng{a=\"b\\x\"} 1\n"));
        Should.Throw<FormatException>(() => PrometheusText.Parse("# TYPE g gauge\ng 1"));
        _ = NoLabels;
    }
}
