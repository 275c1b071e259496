namespace ErpSync.Core.Lifecycle;

/// <summary>The steps from one docstatus to another, or why there are none.</summary>
/// <param name="Steps">Steps in order; empty when already there or impossible.</param>
/// <param name="Error">Why the transition is impossible (Frappe forbids it), or <c>null</c>.</param>
internal sealed record TransitionPlan(IReadOnlyList<LifecycleStep> Steps, string? Error = null)
{
    /// <summary>Whether the transition can be made.</summary>
    public bool IsPossible => Error is null;
}
