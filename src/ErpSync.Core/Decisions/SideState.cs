using ErpSync.Core.Canonical;

namespace ErpSync.Core.Decisions;

/// <summary>What one site holds now for a pair.</summary>
internal sealed record SideState
{
    /// <summary>The document's name on this site (also when known but deleted).</summary>
    public string? Name { get; init; }

    /// <summary>Canonical content; <c>null</c> when the document does not exist (deleted or never created).</summary>
    public CanonicalDocument? Document { get; init; }

    /// <summary>Current docstatus (0 when absent or not submittable).</summary>
    public int Docstatus { get; init; }

    /// <summary>The site's <c>modified</c> string, verbatim (site-local time).</summary>
    public string? Modified { get; init; }

    /// <summary>When it was deleted (Deleted Document <c>creation</c>, site-local), when known.</summary>
    public string? DeletedAt { get; init; }

    /// <summary>Whether the document exists on this site.</summary>
    public bool Exists => Document is not null;

    /// <summary>The content hash, or <c>null</c> when absent.</summary>
    public string? Hash => Document?.Hash;

    /// <summary>A document that exists.</summary>
    public static SideState Present(string name, CanonicalDocument document, int docstatus = 0, string? modified = null) =>
        new() { Name = name, Document = document, Docstatus = docstatus, Modified = modified };

    /// <summary>No document on this site (deleted, or never created when <paramref name="name"/> is <c>null</c>).</summary>
    public static SideState Absent(string? name = null, string? deletedAt = null) =>
        new() { Name = name, DeletedAt = deletedAt };
}
