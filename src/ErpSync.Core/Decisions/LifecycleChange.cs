using ErpSync.Core.Lifecycle;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Decisions;

/// <summary>
/// A docstatus difference between two existing documents. Docstatus only moves forward, so the side behind
/// (<see cref="Target"/>) is moved to the other's docstatus — submit, cancel, or both.
/// </summary>
/// <param name="Target">The site whose document is behind.</param>
/// <param name="From">Its docstatus now.</param>
/// <param name="To">The docstatus to reach.</param>
/// <param name="Steps">Submit/cancel steps, in order (empty when impossible).</param>
internal sealed record LifecycleChange(SiteName Target, int From, int To, IReadOnlyList<LifecycleStep> Steps)
{
    /// <summary>Why it cannot happen (a docstatus went backwards, e.g. a document re-created as a draft), or <c>null</c>.</summary>
    public string? Error { get; init; }

    /// <summary>Why the direction rules do not allow it, or <c>null</c>.</summary>
    public string? BlockedReason { get; init; }

    /// <summary>Whether the steps should be carried out.</summary>
    public bool CanApply => Error is null && BlockedReason is null && Steps.Count > 0;
}
