using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>Builds <see cref="SyncOutcome"/> values and names their kinds as logs and metrics spell them.</summary>
internal static class Outcomes
{
    public static SyncOutcome Skipped(string docType, string? cloudName, string? localName, string message, string action = "none") =>
        new(docType, cloudName, localName, SyncOutcomeKind.Skipped, action, "none", message);

    public static SyncOutcome Waiting(string docType, string? cloudName, string? localName, string reason) =>
        new(docType, cloudName, localName, SyncOutcomeKind.Waiting, "wait", "none", reason, IsTransient: true);

    public static SyncOutcome Failed(string docType, string? cloudName, string? localName, string action, string message, bool transient) =>
        new(docType, cloudName, localName, SyncOutcomeKind.Failed, action, "none", message, transient);

    public static SyncOutcome Conflict(string docType, string? cloudName, string? localName, string message) =>
        new(docType, cloudName, localName, SyncOutcomeKind.Conflict, "conflict", "none", message);

    /// <summary><c>applied</c>, <c>skipped</c>, <c>conflict</c>, <c>waiting</c>, <c>failed</c>.</summary>
    public static string KindName(SyncOutcomeKind kind) => kind switch
    {
        SyncOutcomeKind.Applied => "applied",
        SyncOutcomeKind.Skipped => "skipped",
        SyncOutcomeKind.Conflict => "conflict",
        SyncOutcomeKind.Waiting => "waiting",
        SyncOutcomeKind.Failed => "failed",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The summary of <paramref name="outcomes"/> plus <paramref name="unchanged"/> pairs skipped without a look.</summary>
    public static SyncSummary Summarize(IReadOnlyCollection<SyncOutcome> outcomes, int unchanged, TimeSpan elapsed) => new()
    {
        Total = outcomes.Count + unchanged,
        Success = outcomes.Count(o => o.Kind == SyncOutcomeKind.Applied),
        Failed = outcomes.Count(o => o.Kind is SyncOutcomeKind.Failed or SyncOutcomeKind.Waiting),
        Conflicts = outcomes.Count(o => o.Kind == SyncOutcomeKind.Conflict),
        Skipped = unchanged + outcomes.Count(o => o.Kind == SyncOutcomeKind.Skipped),
        Outcomes = outcomes.Where(o => o.Kind != SyncOutcomeKind.Skipped).ToList(),
        Elapsed = elapsed,
    };
}
