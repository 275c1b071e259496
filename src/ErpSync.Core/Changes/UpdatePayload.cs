using System.Text.Json.Nodes;
using ErpSync.Core.Dependencies;

namespace ErpSync.Core.Changes;

/// <summary>A PUT body for a target document.</summary>
/// <param name="Body">Changed fields only (Frappe merges them); a changed child table whole.</param>
/// <param name="Fields">The top-level fields in <paramref name="Body"/>, sorted.</param>
/// <param name="MissingLinks">Link targets with no counterpart on the target: do not send until they exist.</param>
internal sealed record UpdatePayload(JsonObject Body, IReadOnlyList<string> Fields, IReadOnlyList<DocRef> MissingLinks)
{
    /// <summary>Nothing to send.</summary>
    public bool IsEmpty => Fields.Count == 0;

    /// <summary>Every link resolved on the target.</summary>
    public bool IsComplete => MissingLinks.Count == 0;
}
