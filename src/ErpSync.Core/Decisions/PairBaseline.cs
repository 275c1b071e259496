using ErpSync.Core.Canonical;
using ErpSync.Core.State;

namespace ErpSync.Core.Decisions;

/// <summary>What the store remembers of a pair from its last sync (the three-way base).</summary>
internal sealed record PairBaseline
{
    /// <summary>Cloud name, when the document existed there at the last sync.</summary>
    public string? CloudName { get; init; }

    /// <summary>Local name, when the document existed there at the last sync.</summary>
    public string? LocalName { get; init; }

    /// <summary>Hash of what cloud held after the last sync.</summary>
    public string? CloudHash { get; init; }

    /// <summary>Hash of what local held after the last sync.</summary>
    public string? LocalHash { get; init; }

    /// <summary>Cloud docstatus after the last sync (<c>null</c> reads as 0).</summary>
    public int? CloudDocstatus { get; init; }

    /// <summary>Local docstatus after the last sync (<c>null</c> reads as 0).</summary>
    public int? LocalDocstatus { get; init; }

    /// <summary>The content both sides agreed on; <c>null</c> when unknown (every difference is then a conflict).</summary>
    public CanonicalDocument? Base { get; init; }

    /// <summary>Both documents were deleted; a document appearing again under a known name starts a new pair.</summary>
    public bool Tombstone { get; init; }

    /// <summary>Whether the document was known on cloud.</summary>
    public bool KnownOnCloud => !Tombstone && CloudName is not null && CloudHash is not null;

    /// <summary>Whether the document was known on local.</summary>
    public bool KnownOnLocal => !Tombstone && LocalName is not null && LocalHash is not null;

    /// <summary>
    /// The baseline of a stored pair. A base snapshot that cannot be read is treated as missing, which makes every
    /// difference a conflict instead of guessing.
    /// </summary>
    public static PairBaseline From(SyncRecord record)
    {
        CanonicalDocument? snapshot = null;
        if (!string.IsNullOrEmpty(record.BaseSnapshot))
        {
            try
            {
                snapshot = CanonicalDocument.Parse(record.BaseSnapshot);
            }
            catch (FormatException)
            {
                snapshot = null;
            }
        }

        return new PairBaseline
        {
            CloudName = record.CloudName,
            LocalName = record.LocalName,
            CloudHash = record.CloudHash,
            LocalHash = record.LocalHash,
            CloudDocstatus = record.CloudDocstatus,
            LocalDocstatus = record.LocalDocstatus,
            Base = snapshot,
            Tombstone = record.Status == SyncStatus.Deleted,
        };
    }
}
