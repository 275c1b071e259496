using System.Diagnostics.Metrics;
using ErpSync.Frappe.Tests.Transcripts;

namespace ErpSync.Frappe.Tests.Diagnostics;

public sealed class FrappeMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Meter_RequestsErrorsRetriesAndDuration_AreRecordedWithTags()
    {
        var handler = new ScriptedHandler()
            .Then(503, "busy")
            .Then(200, """{"data":{"name":"X"}}""")
            .Then(404, """{"exc_type":"DoesNotExistError"}""");
        using var client = TestSites.Client(handler);
        var measurements = new List<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, client.Meter))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();

        await client.GetAsync("Sync Customer", "X", Ct);
        await client.GetAsync("Sync Customer", "Y", Ct);

        client.Meter.Name.ShouldBe("ErpSync.Frappe");
        var requests = measurements.Where(m => m.Instrument == "erpsync.frappe.requests").ToList();
        requests.Select(r => r.Tags["status"]).ShouldBe(["503", "200", "404"]);
        requests.ShouldAllBe(r => r.Tags["site"] == "cloud" && r.Tags["method"] == "GET");
        measurements.Where(m => m.Instrument == "erpsync.frappe.errors").Select(m => m.Tags["kind"]).ShouldBe(["server", "not_found"]);
        measurements.Count(m => m.Instrument == "erpsync.frappe.retries").ShouldBe(1);
        measurements.Count(m => m.Instrument == "erpsync.frappe.request.duration").ShouldBe(3);

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, string?>();
            foreach (var tag in tags)
                map[tag.Key] = tag.Value?.ToString();
            lock (measurements)
                measurements.Add((instrument.Name, value, map));
        }
    }
}
