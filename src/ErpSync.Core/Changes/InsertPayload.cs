using System.Text.Json.Nodes;
using ErpSync.Core.Dependencies;

namespace ErpSync.Core.Changes;

/// <summary>A POST body creating a draft copy on a target site.</summary>
/// <param name="Body">Content fields (non-null), child rows without names, and <c>__newname</c> when the name is requested.</param>
/// <param name="RequestedName">The name asked for through <c>__newname</c>, or <c>null</c> when the target chooses (or derives it from a field).</param>
/// <param name="MissingLinks">Link targets with no counterpart on the target: do not send until they exist.</param>
internal sealed record InsertPayload(JsonObject Body, string? RequestedName, IReadOnlyList<DocRef> MissingLinks)
{
    /// <summary>Every link resolved on the target.</summary>
    public bool IsComplete => MissingLinks.Count == 0;
}
