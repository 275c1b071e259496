using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Decisions;

/// <summary>
/// Which sites may be written, from the DocType's direction rule and a run's forced direction.
/// A one-way <em>rule</em> makes the target a replica: its own edits are never sent (the item is skipped and
/// logged each time it is seen), and when both sides changed the source's version wins (recorded as a conflict)
/// unless the strategy is <c>manual</c>. A <em>forced</em> direction only restricts one run: whatever would write
/// to the other site is skipped and left for a later run, conflicts included.
/// </summary>
/// <param name="Rule">The DocType's direction rule.</param>
/// <param name="Forced">The run's forced direction.</param>
internal sealed record FlowPolicy(SyncDirectionRule Rule, ForcedDirection Forced = ForcedDirection.Auto)
{
    /// <summary>Both ways, nothing forced.</summary>
    public static FlowPolicy Bidirectional { get; } = new(SyncDirectionRule.Bidirectional);

    /// <summary>Whether this run may write to <paramref name="target"/>.</summary>
    public bool Allows(SiteName target) => RuleAllows(target) && ForcedAllows(target);

    /// <summary>The source of a one-way rule (its target is a replica), or <c>null</c> for bidirectional.</summary>
    public SiteName? RuleSource => Rule switch
    {
        SyncDirectionRule.CloudToLocal => SiteName.Cloud,
        SyncDirectionRule.LocalToCloud => SiteName.Local,
        _ => null,
    };

    /// <summary>Why writing to <paramref name="target"/> is not allowed (empty when it is).</summary>
    public string BlockedReason(SiteName target)
    {
        if (!RuleAllows(target))
            return $"direction rule {Rule.ToWire()}: changes on {target.Other().ToWire()} are not sent to {target.ToWire()}";
        if (!ForcedAllows(target))
            return $"forced direction {(Forced == ForcedDirection.CloudToLocal ? "cloud_to_local" : "local_to_cloud")} for this run: nothing is written to {target.ToWire()}";
        return "";
    }

    private bool RuleAllows(SiteName target) => target == SiteName.Local
        ? Rule != SyncDirectionRule.LocalToCloud
        : Rule != SyncDirectionRule.CloudToLocal;

    private bool ForcedAllows(SiteName target) => target == SiteName.Local
        ? Forced != ForcedDirection.LocalToCloud
        : Forced != ForcedDirection.CloudToLocal;
}
