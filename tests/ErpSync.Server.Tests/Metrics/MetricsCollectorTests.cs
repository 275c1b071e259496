using System.Diagnostics;
using System.Diagnostics.Metrics;
using ErpSync.Server.Metrics;
using ErpSync.Server.Tests.Support;

namespace ErpSync.Server.Tests.Metrics;

public sealed class MetricsCollectorTests
{
    [Fact]
    public void Collect_OwnMeterInstruments_AggregatedByKind()
    {
        using var own = new Meter("ErpSync.Server");
        using var collector = new MetricsCollector(own);
        var counter = own.CreateCounter<long>("erpsync.server.test.events", "{event}", "Events");
        var histogram = own.CreateHistogram<double>("erpsync.server.test.duration", "s", "Duration",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
        var depth = 7L;
        own.CreateObservableGauge("erpsync.server.test.depth", () => depth, "{item}", "Depth");

        counter.Add(2, new TagList { { "source", "cloud" } });
        counter.Add(3, new TagList { { "source", "cloud" } });
        counter.Add(1, new TagList { { "source", "local" } });
        histogram.Record(0.05);
        histogram.Record(0.5);
        histogram.Record(5);
        var families = collector.Collect().ToDictionary(f => f.Name);

        families["erpsync_server_test_events_total"].Kind.ShouldBe(MetricKind.Counter);
        families["erpsync_server_test_events_total"].Series.Select(s => (s.Labels.Single().Value, s.Value)).ShouldBe([("cloud", 5), ("local", 1)], ignoreOrder: true);
        var duration = families["erpsync_server_test_duration_seconds"].Series.ShouldHaveSingleItem();
        duration.BucketCounts.ShouldBe([1L, 1L, 1L]);
        duration.Count.ShouldBe(3);
        duration.Sum.ShouldBe(5.55, 1e-9);
        families["erpsync_server_test_depth"].Series.ShouldHaveSingleItem().Value.ShouldBe(7);

        depth = 2;
        collector.Collect().Single(f => f.Name == "erpsync_server_test_depth").Series.ShouldHaveSingleItem().Value.ShouldBe(2);
        // Frappe clients of tests running alongside publish into the same process: count this test's families only.
        PrometheusText.Parse(PrometheusWriter.Write(collector.Collect())).Keys.Count(k => k.StartsWith("erpsync_server_test_", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public void Collect_OtherServersMeterOfTheSameName_Ignored()
    {
        using var own = new Meter("ErpSync.Server");
        using var other = new Meter("ErpSync.Server");
        using var collector = new MetricsCollector(own);
        own.CreateCounter<long>("erpsync.server.test.mine").Add(1);
        other.CreateCounter<long>("erpsync.server.test.theirs").Add(1);

        collector.Collect().Select(f => f.Name).ShouldBe(["erpsync_server_test_mine_total"]);
    }

    [Fact]
    public void Collect_FrappeMetersOfBothSites_MergedIntoOneFamily()
    {
        using var own = new Meter("ErpSync.Server");
        using var cloud = new Meter("ErpSync.Frappe");
        using var local = new Meter("ErpSync.Frappe");
        using var unrelated = new Meter("Some.Other.Library");
        using var collector = new MetricsCollector(own);
        var name = "erpsync.frappe.test." + Guid.NewGuid().ToString("N")[..6];
        cloud.CreateCounter<long>(name).Add(4, new TagList { { "site", "cloud" } });
        local.CreateCounter<long>(name).Add(2, new TagList { { "site", "local" } });
        local.CreateCounter<long>(name).Add(1, new TagList { { "site", "local" } });
        unrelated.CreateCounter<long>("unrelated.count").Add(1);

        var families = collector.Collect();

        var family = families.Single(f => f.Name == name.Replace('.', '_') + "_total");
        family.Series.Select(s => (s.Labels.Single().Value, s.Value)).ShouldBe([("cloud", 4), ("local", 3)], ignoreOrder: true);
        families.ShouldNotContain(f => f.Name.StartsWith("unrelated", StringComparison.Ordinal));
    }
}
