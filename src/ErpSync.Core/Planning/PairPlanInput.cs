using ErpSync.Core.Canonical;
using ErpSync.Core.Configuration;
using ErpSync.Core.Decisions;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Planning;

/// <summary>Everything <see cref="PairPlanner"/> decides from; all of it already read, nothing left to fetch.</summary>
internal sealed record PairPlanInput
{
    /// <summary>The DocType's merged metadata (with child metas).</summary>
    public required DocTypeMeta Meta { get; init; }

    /// <summary>Exclusions and row keys.</summary>
    public ContentRules Rules { get; init; } = ContentRules.None;

    /// <summary>The DocType's conflict strategy.</summary>
    public ConflictStrategy Strategy { get; init; } = ConflictStrategy.Merge;

    /// <summary>The merge fallback.</summary>
    public ConflictStrategy MergeFallback { get; init; } = ConflictStrategy.Manual;

    /// <summary>Direction rule and forced direction.</summary>
    public FlowPolicy Flow { get; init; } = FlowPolicy.Bidirectional;

    /// <summary>What the store remembers; <c>null</c> for a pair never synced.</summary>
    public PairBaseline? Baseline { get; init; }

    /// <summary>Cloud now.</summary>
    public required SideState Cloud { get; init; }

    /// <summary>Local now.</summary>
    public required SideState Local { get; init; }

    /// <summary>Cloud's time zone.</summary>
    public TimeZoneInfo CloudTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Local's time zone.</summary>
    public TimeZoneInfo LocalTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>An input with the DocType's rules from <paramref name="rules"/> and a run's <paramref name="forced"/> direction.</summary>
    public static PairPlanInput For(SyncRules rules, DocTypeMeta meta, ForcedDirection forced, PairBaseline? baseline, SideState cloud, SideState local) => new()
    {
        Meta = meta,
        Rules = ContentRules.For(rules, meta.Name),
        Strategy = rules.StrategyFor(meta.Name),
        MergeFallback = rules.MergeFallbackFor(meta.Name),
        Flow = new FlowPolicy(rules.DirectionFor(meta.Name), forced),
        Baseline = baseline,
        Cloud = cloud,
        Local = local,
    };

    /// <summary>The state of <paramref name="site"/>.</summary>
    public SideState Side(SiteName site) => site == SiteName.Cloud ? Cloud : Local;

    /// <summary>How to name the document on <paramref name="site"/> in messages, e.g. <c>local Sales Order SO-0001</c>.</summary>
    public string Label(SiteName site) => $"{site.ToWire()} {Meta.Name} {Side(site).Name ?? "(new)"}".TrimEnd();
}
