namespace ErpSync.Core.State;

/// <summary>A recorded disagreement (<c>conflict_records</c>), auto-resolved or awaiting a decision.</summary>
public sealed record ConflictRecord
{
    /// <summary>Row id; 0 until saved.</summary>
    public long Id { get; init; }

    /// <summary>The pair this conflict belongs to (0 when not yet saved).</summary>
    public long SyncRecordId { get; init; }

    /// <summary>DocType.</summary>
    public required string DocType { get; init; }

    /// <summary>Display name (<c>docname</c>).</summary>
    public required string DocName { get; init; }

    /// <summary>Cloud name, when the document exists there.</summary>
    public string? CloudName { get; init; }

    /// <summary>Local name, when the document exists there.</summary>
    public string? LocalName { get; init; }

    /// <summary>Canonical JSON of the cloud document (<c>null</c> when deleted there).</summary>
    public string? CloudData { get; init; }

    /// <summary>Canonical JSON of the local document (<c>null</c> when deleted there).</summary>
    public string? LocalData { get; init; }

    /// <summary>Canonical JSON of the base snapshot (<c>null</c> when the pair had none).</summary>
    public string? BaseData { get; init; }

    /// <summary>Cloud <c>modified</c> (site-local string).</summary>
    public string? CloudModified { get; init; }

    /// <summary>Local <c>modified</c> (site-local string).</summary>
    public string? LocalModified { get; init; }

    /// <summary>Fields changed on both sides to different values (child tables by fieldname, or <c>table[key]</c>).</summary>
    public IReadOnlyList<string> ConflictingFields { get; init; } = [];

    /// <summary>Why it is a conflict, in words (e.g. <c>deleted on local, edited on cloud</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>Strategy that was in force (<c>manual</c>, <c>latest_timestamp</c>, …).</summary>
    public string? Strategy { get; init; }

    /// <summary>Whether it has been settled.</summary>
    public bool Resolved { get; init; }

    /// <summary><c>cloud_wins</c>, <c>local_wins</c>, <c>merged</c>, <c>latest_timestamp:cloud</c>, … once resolved.</summary>
    public string? Resolution { get; init; }

    /// <summary>When it was settled (UTC).</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
