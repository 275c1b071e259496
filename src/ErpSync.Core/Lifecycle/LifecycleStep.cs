namespace ErpSync.Core.Lifecycle;

/// <summary>A docstatus transition the engine performs on a target document (after any content write).</summary>
internal enum LifecycleStep
{
    /// <summary>0 → 1: <c>IFrappeSite.SubmitAsync</c>.</summary>
    Submit,

    /// <summary>1 → 2: <c>IFrappeSite.CancelAsync</c>.</summary>
    Cancel,
}
