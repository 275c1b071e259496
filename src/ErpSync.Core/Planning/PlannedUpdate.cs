using ErpSync.Core.Canonical;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Planning;

/// <summary>
/// Bring the target's content to <paramref name="Desired"/> — a compare-and-swap PUT of
/// <see cref="Changes.WritePayloadBuilder.BuildUpdate"/> restricted to <paramref name="Fields"/> (no PUT when
/// empty) — then take <paramref name="StepsAfter"/>.
/// </summary>
/// <param name="Target">The site to write.</param>
/// <param name="Desired">Canonical content the target should hold.</param>
/// <param name="Fields">Top-level fields to send (already checked against the target's docstatus).</param>
/// <param name="StepsAfter">Submit/cancel after the content write.</param>
internal sealed record PlannedUpdate(SiteName Target, CanonicalDocument Desired, IReadOnlyList<string> Fields, IReadOnlyList<LifecycleStep> StepsAfter) : PlannedWrite(Target);
