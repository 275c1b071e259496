using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>The end of carrying out a plan, with what the sites returned so far.</summary>
internal sealed record ExecutionResult(ExecutionKind Kind)
{
    /// <summary>The cloud document after the writes (as returned), or as read when not written; <c>null</c> when absent.</summary>
    public JsonObject? Cloud { get; init; }

    /// <summary>The local document likewise.</summary>
    public JsonObject? Local { get; init; }

    /// <summary>The pair's record as last saved (an insert commits the pair at once).</summary>
    public SyncRecord? Record { get; init; }

    /// <summary>Audit rows of writes made but not yet committed.</summary>
    public IReadOnlyList<SyncLogEntry> Logs { get; init; } = [];

    /// <summary>For <see cref="ExecutionKind.Moved"/>: an existing copy was paired instead of inserting one.</summary>
    public bool Adopted { get; init; }

    /// <summary>Why it stopped (stale, moved, failed).</summary>
    public string? Reason { get; init; }

    /// <summary>For <see cref="ExecutionKind.MissingDependencies"/>: what is missing.</summary>
    public MissingDependencies? Missing { get; init; }

    /// <summary>For <see cref="ExecutionKind.Failed"/>: the site's error.</summary>
    public FrappeException? Error { get; init; }

    /// <summary>Whether the last write was an insert whose own commit already recorded the pair's final state.</summary>
    public bool Committed { get; init; }

    /// <summary>Whether any write reached a site.</summary>
    public bool Wrote { get; init; }

    /// <summary>The document of <paramref name="site"/>.</summary>
    public JsonObject? Document(SiteName site) => site == SiteName.Cloud ? Cloud : Local;
}
