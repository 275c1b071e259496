using ErpSync.Core.Lifecycle;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Decisions;

/// <summary>
/// Decides what a pair needs from the hashes stored at the last sync and each side's current state. Each side's
/// current hash is compared with the hash stored for <em>that side</em>, so a value one server computes
/// differently from the other (rounding, defaults) never makes the pair ping-pong, and an echo of our own write
/// is <see cref="DecisionKind.None"/>. Current hashes of the two sides are comparable with each other because the
/// canonical form is site-independent. Docstatus is not content: it is returned as a separate
/// <see cref="LifecycleChange"/>.
/// </summary>
internal static class ThreeWayDecider
{
    /// <summary>
    /// The decision for a pair with <paramref name="baseline"/> (<c>null</c>: never synced) whose sides are now
    /// <paramref name="cloud"/> and <paramref name="local"/>, shaped by <paramref name="flow"/>.
    /// </summary>
    public static SyncDecision Decide(PairBaseline? baseline, SideState cloud, SideState local, FlowPolicy flow)
    {
        var content = Content(baseline, cloud, local);
        var lifecycle = cloud.Exists && local.Exists ? Lifecycle(baseline, cloud, local, flow) : null;
        var decision = content with { Lifecycle = lifecycle };

        if (TargetOf(content.Kind) is { } target && !flow.Allows(target))
            return decision with { Kind = DecisionKind.Blocked, Intended = content.Kind, Reason = $"{content.Reason}; not applied: {flow.BlockedReason(target)}" };
        if (content.Kind is DecisionKind.Conflict or DecisionKind.DeleteEditConflict && !flow.Allows(SiteName.Cloud) && !flow.Allows(SiteName.Local))
            return decision with { Kind = DecisionKind.Blocked, Intended = content.Kind, Reason = $"{content.Reason}; not applied: {flow.BlockedReason(SiteName.Cloud)}" };
        return decision;
    }

    /// <summary>The site a decision writes to, or <c>null</c> for decisions that write nowhere or to either side.</summary>
    public static SiteName? TargetOf(DecisionKind kind) => kind switch
    {
        DecisionKind.CloudToLocal or DecisionKind.CreateOnLocal or DecisionKind.DeleteOnLocal => SiteName.Local,
        DecisionKind.LocalToCloud or DecisionKind.CreateOnCloud or DecisionKind.DeleteOnCloud => SiteName.Cloud,
        _ => null,
    };

    private static SyncDecision Content(PairBaseline? baseline, SideState cloud, SideState local)
    {
        var knownCloud = baseline?.KnownOnCloud ?? false;
        var knownLocal = baseline?.KnownOnLocal ?? false;
        var cloudChanged = knownCloud && Changed(cloud, baseline!.CloudHash, baseline.CloudDocstatus);
        var localChanged = knownLocal && Changed(local, baseline!.LocalHash, baseline.LocalDocstatus);

        SyncDecision Make(DecisionKind kind, string reason, bool cloudDiffers, bool localDiffers) =>
            new(kind, reason) { CloudChanged = cloudDiffers, LocalChanged = localDiffers };

        switch (cloud.Exists, local.Exists)
        {
            case (false, false):
                return knownCloud || knownLocal
                    ? Make(DecisionKind.BothDeleted, "deleted on both sides", knownCloud, knownLocal)
                    : Make(DecisionKind.None, "exists on neither side", false, false);

            case (true, false):
                if (!knownLocal || !knownCloud)
                    return Make(DecisionKind.CreateOnLocal, "new on cloud", true, false);
                return cloudChanged
                    ? Make(DecisionKind.DeleteEditConflict, "deleted on local, changed on cloud", true, true)
                    : Make(DecisionKind.DeleteOnCloud, "deleted on local, unchanged on cloud", false, true);

            case (false, true):
                if (!knownCloud || !knownLocal)
                    return Make(DecisionKind.CreateOnCloud, "new on local", false, true);
                return localChanged
                    ? Make(DecisionKind.DeleteEditConflict, "deleted on cloud, changed on local", true, true)
                    : Make(DecisionKind.DeleteOnLocal, "deleted on cloud, unchanged on local", true, false);
        }

        var sameContent = string.Equals(cloud.Hash, local.Hash, StringComparison.Ordinal);
        if (!knownCloud || !knownLocal)
        {
            // Found on both sites without a shared history (same-named documents, or a pair whose creation was
            // interrupted): there is no base to tell who changed what.
            return sameContent
                ? Make(DecisionKind.Converged, "found on both sides with the same content", true, true)
                : Make(DecisionKind.Conflict, "found on both sides with different content and no common base", true, true);
        }

        var cloudContent = !string.Equals(cloud.Hash, baseline!.CloudHash, StringComparison.Ordinal);
        var localContent = !string.Equals(local.Hash, baseline.LocalHash, StringComparison.Ordinal);
        if (!cloudContent && !localContent)
            return Make(DecisionKind.None, cloudChanged || localChanged ? "content unchanged on both sides" : "unchanged on both sides", cloudChanged, localChanged);
        if (sameContent)
            return Make(DecisionKind.Converged, cloudContent && localContent ? "changed on both sides to the same content" : "already equal", cloudChanged, localChanged);
        if (cloudContent && localContent)
            return Make(DecisionKind.Conflict, "changed on both sides", true, true);
        return cloudContent
            ? Make(DecisionKind.CloudToLocal, "changed on cloud only", true, localChanged)
            : Make(DecisionKind.LocalToCloud, "changed on local only", cloudChanged, true);
    }

    private static bool Changed(SideState side, string? storedHash, int? storedDocstatus) =>
        !side.Exists ||
        !string.Equals(side.Hash, storedHash, StringComparison.Ordinal) ||
        side.Docstatus != (storedDocstatus ?? Docstatus.Draft);

    private static LifecycleChange? Lifecycle(PairBaseline? baseline, SideState cloud, SideState local, FlowPolicy flow)
    {
        if (cloud.Docstatus == local.Docstatus)
            return null;

        var target = cloud.Docstatus < local.Docstatus ? SiteName.Cloud : SiteName.Local;
        var (from, to) = target == SiteName.Cloud ? (cloud.Docstatus, local.Docstatus) : (local.Docstatus, cloud.Docstatus);
        var plan = LifecyclePlanner.Transition(from, to);
        var change = new LifecycleChange(target, from, to, plan.Steps) { Error = plan.Error };

        var backwards = Backwards(SiteName.Cloud, baseline?.KnownOnCloud == true ? baseline.CloudDocstatus : null, cloud.Docstatus)
            ?? Backwards(SiteName.Local, baseline?.KnownOnLocal == true ? baseline.LocalDocstatus : null, local.Docstatus);
        if (backwards is not null)
            return change with { Steps = [], Error = backwards };
        if (!plan.IsPossible)
            return change;
        return flow.Allows(target) ? change : change with { BlockedReason = flow.BlockedReason(target) };
    }

    private static string? Backwards(SiteName site, int? stored, int now) =>
        stored is { } before && now < before
            ? $"{site.ToWire()} docstatus went back from {Docstatus.Describe(before)} to {Docstatus.Describe(now)} (document re-created?)"
            : null;
}
