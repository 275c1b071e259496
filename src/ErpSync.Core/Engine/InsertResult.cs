using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>How an insert under the creation lock ended.</summary>
/// <param name="Kind">Completed (inserted), Moved (paired or changed meanwhile), MissingDependencies or Failed.</param>
internal sealed record InsertResult(ExecutionKind Kind)
{
    /// <summary>The document the site created.</summary>
    public JsonObject? Created { get; init; }

    /// <summary>The pair's record as saved (write-ahead, committed pair, or restored).</summary>
    public SyncRecord? Record { get; init; }

    /// <summary>An existing copy was paired instead of inserting one.</summary>
    public bool Adopted { get; init; }

    /// <summary>Why it did not insert.</summary>
    public string? Reason { get; init; }

    /// <summary>Refused links.</summary>
    public MissingDependencies? Missing { get; init; }

    /// <summary>The site's error.</summary>
    public FrappeException? Error { get; init; }
}
