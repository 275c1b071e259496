using System.Diagnostics;
using System.Diagnostics.Metrics;
using ErpSync.Core.Sites;

namespace ErpSync.Frappe.Diagnostics;

/// <summary>
/// Instruments of the <c>ErpSync.Frappe</c> meter: requests (site, method, status), errors (site, kind),
/// retries (site) and request duration in seconds (site, method).
/// </summary>
internal sealed class FrappeMetrics : IDisposable
{
    /// <summary>Name of the meter, for <c>/metrics</c> exporters and listeners.</summary>
    public const string MeterName = "ErpSync.Frappe";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly string _site;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _duration;

    public FrappeMetrics(SiteName site, IMeterFactory? meterFactory)
    {
        _site = site.ToWire();
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("erpsync.frappe.requests", "{request}", "HTTP requests sent to a Frappe site, by answer status");
        _errors = _meter.CreateCounter<long>("erpsync.frappe.errors", "{error}", "Failed requests to a Frappe site, by kind");
        _retries = _meter.CreateCounter<long>("erpsync.frappe.retries", "{retry}", "Retries of transient failures");
        _duration = _meter.CreateHistogram<double>("erpsync.frappe.request.duration", "s", "Duration of one HTTP attempt to a Frappe site");
    }

    /// <summary>The meter the instruments live on (tests listen to exactly this one).</summary>
    public Meter Meter => _meter;

    public void Request(string method, int? status, TimeSpan duration)
    {
        var statusTag = status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        _requests.Add(1, new TagList { { "site", _site }, { "method", method }, { "status", statusTag } });
        _duration.Record(duration.TotalSeconds, new TagList { { "site", _site }, { "method", method } });
    }

    public void Error(string kind) => _errors.Add(1, new TagList { { "site", _site }, { "kind", kind } });

    public void Retry() => _retries.Add(1, new TagList { { "site", _site } });

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }
}
