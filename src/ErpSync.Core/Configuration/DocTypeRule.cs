namespace ErpSync.Core.Configuration;

/// <summary>One entry of <c>sync_rules.doctype_rules</c>; <c>null</c> members fall back to the global setting.</summary>
public sealed record DocTypeRule
{
    /// <summary>A rule that overrides nothing.</summary>
    public static DocTypeRule Empty { get; } = new();

    /// <summary>Direction override.</summary>
    public SyncDirectionRule? Direction { get; init; }

    /// <summary>Conflict strategy override.</summary>
    public ConflictStrategy? ConflictResolution { get; init; }

    /// <summary>Merge fallback override.</summary>
    public ConflictStrategy? MergeFallback { get; init; }

    /// <summary>Naming mode; <see cref="NamingMode.Auto"/> decides from metadata.</summary>
    public NamingMode Naming { get; init; } = NamingMode.Auto;

    /// <summary>
    /// Row keys per child table fieldname (e.g. <c>items → [item_code]</c>): rows of such a table merge by key;
    /// other tables are compared as one field.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> KeyFields { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Extra fields to exclude for this DocType.</summary>
    public IReadOnlyList<string> ExcludeFields { get; init; } = [];
}
