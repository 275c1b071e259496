namespace ErpSync.Core.Alerts;

/// <summary>One crossed threshold.</summary>
/// <param name="Kind">Which threshold.</param>
/// <param name="Subject">What it is about when there can be several of a kind (the site for <see cref="AlertKind.SiteUnreachable"/>); otherwise <c>null</c>.</param>
/// <param name="Value">The figure now (a count, or seconds for the age kinds).</param>
/// <param name="Threshold">The threshold it reached (same unit as <paramref name="Value"/>).</param>
/// <param name="Message">One line for people, with what to do; never holds a secret.</param>
public sealed record Alert(AlertKind Kind, string? Subject, double Value, double Threshold, string Message)
{
    /// <summary>Identifies the alert across evaluations (<c>dead_letters</c>, <c>site_unreachable:cloud</c>), so one that persists is not announced again.</summary>
    public string Key => Subject is null ? KindName : $"{KindName}:{Subject}";

    /// <summary>The kind in snake_case, as in <c>config.yaml</c> and JSON.</summary>
    public string KindName => Kind switch
    {
        AlertKind.Errors => "errors",
        AlertKind.DeadLetters => "dead_letters",
        AlertKind.UnresolvedConflicts => "unresolved_conflicts",
        AlertKind.QueueAge => "queue_age",
        AlertKind.SiteUnreachable => "site_unreachable",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
