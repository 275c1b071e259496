namespace ErpSync.Core.Decisions;

/// <summary>What a pair needs, from its per-side hashes and existence (docstatus is decided separately).</summary>
internal enum DecisionKind
{
    /// <summary>Neither side changed since the last sync (an echo of our own write lands here).</summary>
    None,

    /// <summary>Only cloud changed: write cloud's content to local.</summary>
    CloudToLocal,

    /// <summary>Only local changed: write local's content to cloud.</summary>
    LocalToCloud,

    /// <summary>Both changed (or a pair first seen on both sites) and now hold the same content: record agreement.</summary>
    Converged,

    /// <summary>
    /// Both changed to different content. The field merge decides whether that is a clean merge (fields changed on
    /// one side each) or a recorded conflict (a field changed on both sides).
    /// </summary>
    Conflict,

    /// <summary>Exists only on local and is new: create it on cloud.</summary>
    CreateOnCloud,

    /// <summary>Exists only on cloud and is new: create it on local.</summary>
    CreateOnLocal,

    /// <summary>Deleted on local while cloud is unchanged since the last sync: delete it on cloud.</summary>
    DeleteOnCloud,

    /// <summary>Deleted on cloud while local is unchanged since the last sync: delete it on local.</summary>
    DeleteOnLocal,

    /// <summary>Deleted on one side and changed (content or docstatus) on the other.</summary>
    DeleteEditConflict,

    /// <summary>Gone on both sides: keep the pair as a tombstone.</summary>
    BothDeleted,

    /// <summary>The pair needs a write the direction rule or the forced direction forbids; see <see cref="SyncDecision.Intended"/>.</summary>
    Blocked,
}
