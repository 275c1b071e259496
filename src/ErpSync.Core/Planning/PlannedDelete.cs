using ErpSync.Core.Lifecycle;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Planning;

/// <summary>Take <paramref name="StepsBefore"/> (cancel a submitted document; Frappe refuses to delete it), then delete.</summary>
/// <param name="Target">The site to delete on.</param>
/// <param name="StepsBefore">Steps before the delete.</param>
internal sealed record PlannedDelete(SiteName Target, IReadOnlyList<LifecycleStep> StepsBefore) : PlannedWrite(Target);
