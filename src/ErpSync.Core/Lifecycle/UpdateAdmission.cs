namespace ErpSync.Core.Lifecycle;

/// <summary>Which differences a target in its current docstatus accepts (see <see cref="SubmittedUpdateRules"/>).</summary>
/// <param name="Writable">Top-level fields (tables by fieldname) to send.</param>
/// <param name="Derived">
/// Differences in read-only or fetched fields of a submitted target, left alone: the target's own server
/// maintains them (ERPNext's per_delivered, status, …) and refuses writes to them.
/// </param>
/// <param name="Refused">Differences the target refuses (paths: <c>field</c>, <c>table[key].field</c>, <c>table[3].field</c>).</param>
/// <param name="Reason">Why the refused differences cannot be written, or <c>null</c>.</param>
internal sealed record UpdateAdmission(
    IReadOnlyList<string> Writable,
    IReadOnlyList<string> Derived,
    IReadOnlyList<string> Refused,
    string? Reason)
{
    /// <summary>Whether every difference can be written or safely left alone.</summary>
    public bool IsAllowed => Refused.Count == 0;
}
