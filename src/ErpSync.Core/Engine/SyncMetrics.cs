using System.Diagnostics.Metrics;
using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>
/// The <c>ErpSync.Core</c> meter: <c>erpsync.sync.outcomes</c> (per DocType, outcome kind and direction) and
/// <c>erpsync.sync.conflicts</c> (per DocType and whether the strategy resolved it), for the server's /metrics.
/// </summary>
internal sealed class SyncMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ErpSync.Core";

    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(MeterName));

    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _conflicts;

    public SyncMetrics(IMeterFactory? factory)
    {
        var meter = factory?.Create(MeterName) ?? SharedMeter.Value;
        _outcomes = meter.CreateCounter<long>("erpsync.sync.outcomes", unit: "{document}", description: "Document pairs handled, by DocType, outcome kind and direction");
        _conflicts = meter.CreateCounter<long>("erpsync.sync.conflicts", unit: "{conflict}", description: "Conflicts recorded, by DocType and whether the strategy resolved them");
    }

    public void Outcome(SyncOutcome outcome, long count = 1) =>
        _outcomes.Add(count,
            new KeyValuePair<string, object?>("doctype", outcome.DocType),
            new KeyValuePair<string, object?>("kind", Outcomes.KindName(outcome.Kind)),
            new KeyValuePair<string, object?>("direction", outcome.Direction));

    public void Conflict(string docType, bool resolved) =>
        _conflicts.Add(1,
            new KeyValuePair<string, object?>("doctype", docType),
            new KeyValuePair<string, object?>("resolved", resolved));
}
