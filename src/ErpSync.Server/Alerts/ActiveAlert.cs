using ErpSync.Core.Alerts;

namespace ErpSync.Server.Alerts;

/// <summary>An alert as <c>/health</c>, <c>/status</c> and notifications show it: the crossed threshold and since when.</summary>
/// <param name="Key">Stable identity (<c>dead_letters</c>, <c>site_unreachable:cloud</c>).</param>
/// <param name="Kind">The threshold's name, as in <c>alerts.thresholds</c>.</param>
/// <param name="Subject">The site for <c>site_unreachable</c>; otherwise <c>null</c>.</param>
/// <param name="Value">The figure now (count, or seconds for ages).</param>
/// <param name="Threshold">The threshold it reached.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Since">When this server first saw it crossed (UTC).</param>
internal sealed record ActiveAlert(string Key, string Kind, string? Subject, double Value, double Threshold, string Message, DateTimeOffset Since)
{
    public static ActiveAlert From(Alert alert, DateTimeOffset since) =>
        new(alert.Key, alert.KindName, alert.Subject, alert.Value, alert.Threshold, alert.Message, since);
}
