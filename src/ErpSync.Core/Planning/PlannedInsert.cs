using ErpSync.Core.Canonical;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Planning;

/// <summary>
/// Create a draft copy of <paramref name="Content"/> on the target
/// (<see cref="Changes.WritePayloadBuilder.BuildInsert"/>), then take <paramref name="StepsAfter"/> on the
/// returned document, each compare-and-swap on the <c>modified</c> the previous step returned.
/// </summary>
/// <param name="Target">The site to create it on.</param>
/// <param name="Content">Canonical content to create.</param>
/// <param name="StepsAfter">Submit/cancel to reach the source's docstatus.</param>
/// <param name="SourceName">The document's name on the other site (sent as <c>__newname</c> under same-naming).</param>
internal sealed record PlannedInsert(SiteName Target, CanonicalDocument Content, IReadOnlyList<LifecycleStep> StepsAfter, string? SourceName) : PlannedWrite(Target)
{
    /// <summary>
    /// For an amendment, the original it amends (canonical: a cloud name, or an unmapped local marker's name);
    /// the payload points <c>amended_from</c> at the original's name on the target, so the target names the copy
    /// <c>&lt;original&gt;-1</c>. The original is a dependency and is synced (and cancelled) first.
    /// Logged as action <c>amend</c>.
    /// </summary>
    public string? AmendedFrom => Content["amended_from"] switch
    {
        null => null,
        var value when Naming.UnmappedLink.TryRead(value, out var local) => local,
        var value => Canonical.ValueNormalizer.Text(value)?.GetValue<string>(),
    };
}
