using System.Globalization;

namespace ErpSync.Core.Alerts;

/// <summary>
/// Decides which alerts are active: pure, so <c>erpsync status --check</c> and the server judge the same
/// figures the same way. A figure alerts when it is at or above its threshold; a threshold of 0 is off.
/// </summary>
public static class AlertEvaluator
{
    /// <summary>The active alerts for <paramref name="figures"/> at <paramref name="now"/>, in a stable order (kind, then subject).</summary>
    public static IReadOnlyList<Alert> Evaluate(AlertFigures figures, AlertThresholds thresholds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(thresholds);
        var alerts = new List<Alert>();

        if (thresholds.Errors > 0 && figures.ErrorRecords >= thresholds.Errors)
        {
            alerts.Add(new Alert(AlertKind.Errors, null, figures.ErrorRecords, thresholds.Errors,
                $"{Count(figures.ErrorRecords)} document pair(s) in error or failed (threshold {Count(thresholds.Errors)}); see 'erpsync logs --status failed', fix the cause, then 'erpsync retry --all'"));
        }

        if (thresholds.DeadLetters > 0 && figures.DeadLetters >= thresholds.DeadLetters)
        {
            alerts.Add(new Alert(AlertKind.DeadLetters, null, figures.DeadLetters, thresholds.DeadLetters,
                $"{Count(figures.DeadLetters)} dead-lettered queue item(s) (threshold {Count(thresholds.DeadLetters)}): retries are exhausted; fix the cause, then 'erpsync retry --all'"));
        }

        if (thresholds.UnresolvedConflicts > 0 && figures.UnresolvedConflicts >= thresholds.UnresolvedConflicts)
        {
            alerts.Add(new Alert(AlertKind.UnresolvedConflicts, null, figures.UnresolvedConflicts, thresholds.UnresolvedConflicts,
                $"{Count(figures.UnresolvedConflicts)} unresolved conflict(s) (threshold {Count(thresholds.UnresolvedConflicts)}); review them with 'erpsync conflicts list'"));
        }

        if (thresholds.QueueAge > TimeSpan.Zero && figures.OldestPendingCreatedAt is { } oldest)
        {
            var age = now - oldest;
            if (age >= thresholds.QueueAge)
            {
                alerts.Add(new Alert(AlertKind.QueueAge, null, Math.Floor(age.TotalSeconds), thresholds.QueueAge.TotalSeconds,
                    $"the oldest waiting queue item is {Duration(age)} old (threshold {Duration(thresholds.QueueAge)}): the queue is not keeping up or no server is working it"));
            }
        }

        if (thresholds.SiteUnreachable > TimeSpan.Zero)
        {
            foreach (var (site, since) in figures.UnreachableSince.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var down = now - since;
                if (down < thresholds.SiteUnreachable)
                    continue;
                alerts.Add(new Alert(AlertKind.SiteUnreachable, site, Math.Floor(down.TotalSeconds), thresholds.SiteUnreachable.TotalSeconds,
                    $"the {site} site has been unreachable for {Duration(down)} (threshold {Duration(thresholds.SiteUnreachable)}); changes queue up until it answers again ('erpsync test' shows why)"));
            }
        }

        return alerts;
    }

    /// <summary>A duration for people: <c>45 s</c>, <c>12 min</c>, <c>3 h 5 min</c>, <c>2 d 4 h</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        if (span < TimeSpan.FromMinutes(1))
            return $"{Count((long)span.TotalSeconds)} s";
        if (span < TimeSpan.FromHours(1))
            return $"{Count((long)span.TotalMinutes)} min";
        if (span < TimeSpan.FromDays(1))
            return span.Minutes == 0 ? $"{Count((long)span.TotalHours)} h" : $"{Count((long)span.TotalHours)} h {Count(span.Minutes)} min";
        return span.Hours == 0 ? $"{Count((long)span.TotalDays)} d" : $"{Count((long)span.TotalDays)} d {Count(span.Hours)} h";
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
