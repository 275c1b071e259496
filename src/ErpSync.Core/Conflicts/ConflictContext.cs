using ErpSync.Core.Canonical;
using ErpSync.Core.Configuration;
using ErpSync.Core.Decisions;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Conflicts;

/// <summary>The inputs of <see cref="ConflictResolver"/>.</summary>
internal sealed record ConflictContext
{
    /// <summary>What counts as content and the row keys.</summary>
    public ContentRules Rules { get; init; } = ContentRules.None;

    /// <summary>The DocType's strategy.</summary>
    public ConflictStrategy Strategy { get; init; } = ConflictStrategy.Merge;

    /// <summary>The strategy for fields changed on both sides under <see cref="ConflictStrategy.Merge"/>.</summary>
    public ConflictStrategy MergeFallback { get; init; } = ConflictStrategy.Manual;

    /// <summary>The last agreed content, <c>null</c> when unknown.</summary>
    public CanonicalDocument? Base { get; init; }

    /// <summary>Cloud now.</summary>
    public required SideState Cloud { get; init; }

    /// <summary>Local now.</summary>
    public required SideState Local { get; init; }

    /// <summary>Cloud's time zone (its <c>modified</c> strings are wall-clock times there).</summary>
    public TimeZoneInfo CloudTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Local's time zone.</summary>
    public TimeZoneInfo LocalTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// The DocType's metadata, when known: values a server computes or fetches (read-only and <c>fetch_from</c> fields,
    /// such as totals and amounts) that differ only because each side recomputed them are then not a conflict.
    /// </summary>
    public DocTypeMeta? Meta { get; init; }

    /// <summary>The source of a one-way direction rule: its version wins unless the strategy is manual.</summary>
    public SiteName? ReplicaSource { get; init; }
}
