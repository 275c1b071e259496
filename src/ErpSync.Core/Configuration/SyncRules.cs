namespace ErpSync.Core.Configuration;

/// <summary>The <c>sync_rules</c> section of <c>config.yaml</c>, validated.</summary>
public sealed record SyncRules
{
    /// <summary>DocTypes to sync, in the user's order (the engine orders them by links for a full sync).</summary>
    public IReadOnlyList<string> DocTypes { get; init; } = [];

    /// <summary>Fields never compared or copied, on every DocType and child row (besides the system fields).</summary>
    public IReadOnlyList<string> ExcludeFields { get; init; } = [];

    /// <summary>Global conflict strategy. Default <see cref="ConflictStrategy.Merge"/>.</summary>
    public ConflictStrategy ConflictResolution { get; init; } = ConflictStrategy.Merge;

    /// <summary>Strategy for fields both sides changed when the strategy is <c>merge</c>. Default <see cref="ConflictStrategy.Manual"/>: nothing is overwritten silently.</summary>
    public ConflictStrategy MergeFallback { get; init; } = ConflictStrategy.Manual;

    /// <summary>Retry policy for failed items.</summary>
    public RetryRules Retry { get; init; } = new();

    /// <summary>Rows per list page and documents per batch. Default 100.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Per-DocType overrides, keyed by DocType name.</summary>
    public IReadOnlyDictionary<string, DocTypeRule> DocTypeRules { get; init; } = new Dictionary<string, DocTypeRule>();

    /// <summary>The rule of <paramref name="docType"/>, or an empty rule (all defaults).</summary>
    public DocTypeRule RuleFor(string docType) =>
        DocTypeRules.TryGetValue(docType, out var rule) ? rule : DocTypeRule.Empty;

    /// <summary>The strategy in force for <paramref name="docType"/>.</summary>
    public ConflictStrategy StrategyFor(string docType) => RuleFor(docType).ConflictResolution ?? ConflictResolution;

    /// <summary>The merge fallback in force for <paramref name="docType"/>.</summary>
    public ConflictStrategy MergeFallbackFor(string docType) => RuleFor(docType).MergeFallback ?? MergeFallback;

    /// <summary>The direction in force for <paramref name="docType"/>.</summary>
    public SyncDirectionRule DirectionFor(string docType) => RuleFor(docType).Direction ?? SyncDirectionRule.Bidirectional;
}
