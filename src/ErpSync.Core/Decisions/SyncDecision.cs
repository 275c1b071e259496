namespace ErpSync.Core.Decisions;

/// <summary>The three-way decision for one pair.</summary>
/// <param name="Kind">What the content and existence call for.</param>
/// <param name="Reason">One line for logs, e.g. <c>changed on cloud only</c>.</param>
internal sealed record SyncDecision(DecisionKind Kind, string Reason)
{
    /// <summary>For <see cref="DecisionKind.Blocked"/>: what the pair would have needed.</summary>
    public DecisionKind? Intended { get; init; }

    /// <summary>The docstatus action to take besides the content decision, if the docstatuses differ.</summary>
    public LifecycleChange? Lifecycle { get; init; }

    /// <summary>Whether cloud changed since the last sync (content or docstatus).</summary>
    public bool CloudChanged { get; init; }

    /// <summary>Whether local changed since the last sync (content or docstatus).</summary>
    public bool LocalChanged { get; init; }
}
