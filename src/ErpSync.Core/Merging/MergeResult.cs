using System.Text.Json.Nodes;

namespace ErpSync.Core.Merging;

/// <summary>The outcome of a three-way field merge.</summary>
/// <param name="Merged">
/// The merged content. Conflicting values are taken from the preferred side, or hold the base value when no
/// side was preferred (then the result is only a preview).
/// </param>
/// <param name="Conflicts">Values changed on both sides to different values, in path order.</param>
internal sealed record MergeResult(JsonObject Merged, IReadOnlyList<FieldConflict> Conflicts)
{
    /// <summary>Conflicting paths, for <c>conflict_records.conflicting_fields</c>.</summary>
    public IReadOnlyList<string> ConflictingPaths => Conflicts.Select(c => c.Path).ToList();

    /// <summary>Whether every difference merged cleanly.</summary>
    public bool IsClean => Conflicts.Count == 0;
}
