namespace ErpSync.Core.Lifecycle;

/// <summary>
/// Pure lifecycle rules. A document only moves forward: draft → submitted → cancelled. A copy is always
/// inserted as a draft and then submitted (and cancelled) step by step, so a refused submit leaves a draft that
/// a retry can submit, never a half-made document. Amendments are new documents whose <c>amended_from</c> names
/// the mapped original (a dependency, synced first).
/// </summary>
internal static class LifecyclePlanner
{
    /// <summary>The steps that take a document from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static TransitionPlan Transition(int from, int to)
    {
        if (from == to)
            return new TransitionPlan([]);
        return (from, to) switch
        {
            (Docstatus.Draft, Docstatus.Submitted) => new TransitionPlan([LifecycleStep.Submit]),
            (Docstatus.Draft, Docstatus.Cancelled) => new TransitionPlan([LifecycleStep.Submit, LifecycleStep.Cancel]),
            (Docstatus.Submitted, Docstatus.Cancelled) => new TransitionPlan([LifecycleStep.Cancel]),
            (Docstatus.Submitted, Docstatus.Draft) => new TransitionPlan([], "a submitted document cannot return to draft"),
            (Docstatus.Cancelled, _) => new TransitionPlan([], "a cancelled document cannot change"),
            _ => new TransitionPlan([], $"unknown docstatus transition {from} -> {to}"),
        };
    }

    /// <summary>Steps after inserting a draft copy of a source whose docstatus is <paramref name="sourceDocstatus"/>.</summary>
    public static IReadOnlyList<LifecycleStep> AfterInsert(int sourceDocstatus) =>
        Transition(Docstatus.Draft, sourceDocstatus).Steps;

    /// <summary>Steps before a target can be deleted: Frappe refuses to delete a submitted document, so it is cancelled first.</summary>
    public static IReadOnlyList<LifecycleStep> BeforeDelete(int targetDocstatus) =>
        targetDocstatus == Docstatus.Submitted ? [LifecycleStep.Cancel] : [];
}
