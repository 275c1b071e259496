using ErpSync.Core.State;

namespace ErpSync.Core.Conflicts;

/// <summary>Everything <c>conflict_records</c> keeps about one conflict, resolved or not.</summary>
internal sealed record ConflictDescription
{
    /// <summary>Why it is a conflict, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>The strategy in force (<c>manual</c>, <c>merge</c>, <c>latest_timestamp</c>, <c>direction:cloud_to_local</c>, <c>lifecycle</c>…).</summary>
    public required string Strategy { get; init; }

    /// <summary>Paths changed on both sides (or, for delete-vs-edit, changed on the surviving side).</summary>
    public IReadOnlyList<string> ConflictingFields { get; init; } = [];

    /// <summary>Canonical JSON of cloud's document, <c>null</c> when deleted there.</summary>
    public string? CloudData { get; init; }

    /// <summary>Canonical JSON of local's document, <c>null</c> when deleted there.</summary>
    public string? LocalData { get; init; }

    /// <summary>Canonical JSON of the base snapshot, <c>null</c> without one.</summary>
    public string? BaseData { get; init; }

    /// <summary>Cloud <c>modified</c> (or deletion time), verbatim.</summary>
    public string? CloudModified { get; init; }

    /// <summary>Local <c>modified</c> (or deletion time), verbatim.</summary>
    public string? LocalModified { get; init; }

    /// <summary>Whether the strategy settled it.</summary>
    public bool Resolved { get; init; }

    /// <summary><c>cloud_wins</c>, <c>local_wins</c>, <c>latest_timestamp:cloud</c>, <c>merge:cloud_wins</c>… when resolved.</summary>
    public string? Resolution { get; init; }

    /// <summary>The row to store for the pair (its <c>SyncRecordId</c> is set by the store's commit).</summary>
    public ConflictRecord ToRecord(string docType, string? cloudName, string? localName, DateTimeOffset now) => new()
    {
        DocType = docType,
        DocName = cloudName ?? localName ?? "",
        CloudName = cloudName,
        LocalName = localName,
        CloudData = CloudData,
        LocalData = LocalData,
        BaseData = BaseData,
        CloudModified = CloudModified,
        LocalModified = LocalModified,
        ConflictingFields = ConflictingFields,
        Reason = Reason,
        Strategy = Strategy,
        Resolved = Resolved,
        Resolution = Resolution,
        ResolvedAt = Resolved ? now : null,
        CreatedAt = now,
    };
}
