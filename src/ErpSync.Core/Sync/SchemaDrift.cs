namespace ErpSync.Core.Sync;

/// <summary>
/// How one DocType's metadata differs between the two sites. The engine compares and copies only the fields both
/// sites share, so drift never makes a pair look different forever; <c>doctor</c> reports it so the fields can be
/// added where they are missing.
/// </summary>
/// <param name="DocType">The DocType.</param>
public sealed record SchemaDrift(string DocType)
{
    /// <summary>Fields only the cloud's DocType has (<c>field</c>, or <c>table.field</c> for child rows).</summary>
    public IReadOnlyList<string> OnlyOnCloud { get; init; } = [];

    /// <summary>Fields only the local DocType has.</summary>
    public IReadOnlyList<string> OnlyOnLocal { get; init; } = [];

    /// <summary>Other differences, in words (a field type, submittable, naming).</summary>
    public IReadOnlyList<string> Mismatches { get; init; } = [];

    /// <summary>Whether the two sites' DocTypes differ at all.</summary>
    public bool HasDrift => OnlyOnCloud.Count > 0 || OnlyOnLocal.Count > 0 || Mismatches.Count > 0;
}
