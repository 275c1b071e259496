using ErpSync.Core.Sites;

namespace ErpSync.Core.State;

/// <summary>
/// One document pair (<c>sync_records</c>). Per-side hashes, <c>modified</c> and docstatus are what each
/// side held right after the last sync; <see cref="BaseSnapshot"/> is the canonical JSON both agreed on.
/// </summary>
public sealed record SyncRecord
{
    /// <summary>Row id; 0 until first saved.</summary>
    public long Id { get; init; }

    /// <summary>DocType of both documents.</summary>
    public required string DocType { get; init; }

    /// <summary>Name on the cloud site, <c>null</c> until it exists there.</summary>
    public string? CloudName { get; init; }

    /// <summary>Name on the local site, <c>null</c> until it exists there.</summary>
    public string? LocalName { get; init; }

    /// <summary>Canonical hash of the cloud document after the last sync (<c>sync_hash_cloud</c>).</summary>
    public string? CloudHash { get; init; }

    /// <summary>Canonical hash of the local document after the last sync (<c>sync_hash_local</c>).</summary>
    public string? LocalHash { get; init; }

    /// <summary>Cloud <c>modified</c> string after the last sync (site-local time, verbatim).</summary>
    public string? CloudModified { get; init; }

    /// <summary>Local <c>modified</c> string after the last sync (site-local time, verbatim).</summary>
    public string? LocalModified { get; init; }

    /// <summary>Cloud docstatus after the last sync.</summary>
    public int? CloudDocstatus { get; init; }

    /// <summary>Local docstatus after the last sync.</summary>
    public int? LocalDocstatus { get; init; }

    /// <summary>Canonical JSON both sides agreed on at the last sync; the base of three-way merges.</summary>
    public string? BaseSnapshot { get; init; }

    /// <summary>When the pair last reached agreement.</summary>
    public DateTimeOffset? LastSynced { get; init; }

    /// <summary>Direction of the last applied change (<c>cloud_to_local</c>, <c>local_to_cloud</c>, <c>none</c>, <c>converged</c>).</summary>
    public string? SyncDirection { get; init; }

    /// <summary>Current state.</summary>
    public SyncStatus Status { get; init; } = SyncStatus.Pending;

    /// <summary>Why the pair is not synced (error, conflict reason, missing dependency).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Consecutive failed attempts.</summary>
    public int RetryCount { get; init; }

    /// <summary>Row creation time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last row update time (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The name on <paramref name="site"/>.</summary>
    public string? NameOn(SiteName site) => site == SiteName.Cloud ? CloudName : LocalName;

    /// <summary>The display name (<c>docname</c> column): the cloud name when known, else the local one.</summary>
    public string DisplayName => CloudName ?? LocalName ?? "";
}
