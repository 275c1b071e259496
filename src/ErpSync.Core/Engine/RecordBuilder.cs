using ErpSync.Core.Canonical;
using ErpSync.Core.Decisions;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>The <c>sync_records</c> and <c>sync_logs</c> rows the engine writes, built from what the sites returned.</summary>
internal static class RecordBuilder
{
    /// <summary>
    /// The pair in agreement: per-side names, hashes, <c>modified</c> and docstatus from the documents the sites
    /// returned (so server-computed values never look like a change), the agreed content as the next base. Both
    /// sides gone makes a tombstone.
    /// </summary>
    public static SyncRecord Synced(string docType, SyncRecord? existing, SideState cloud, SideState local, CanonicalDocument? agreed, string direction, DateTimeOffset now)
    {
        var gone = !cloud.Exists && !local.Exists;
        return Named(docType, existing, cloud, local) with
        {
            CloudHash = cloud.Hash,
            LocalHash = local.Hash,
            CloudModified = cloud.Exists ? cloud.Modified : existing?.CloudModified,
            LocalModified = local.Exists ? local.Modified : existing?.LocalModified,
            CloudDocstatus = cloud.Exists ? cloud.Docstatus : existing?.CloudDocstatus,
            LocalDocstatus = local.Exists ? local.Docstatus : existing?.LocalDocstatus,
            BaseSnapshot = gone ? existing?.BaseSnapshot : agreed?.Json ?? existing?.BaseSnapshot,
            LastSynced = now,
            SyncDirection = direction,
            Status = gone ? SyncStatus.Deleted : SyncStatus.Synced,
            ErrorMessage = null,
            RetryCount = 0,
        };
    }

    /// <summary>
    /// The pair blocked by a conflict: the last agreement (hashes, base) is kept as the three-way base; the current
    /// <c>modified</c> strings are kept so a later run sees whether anything changed since.
    /// </summary>
    public static SyncRecord InConflict(string docType, SyncRecord? existing, SideState cloud, SideState local, string reason) =>
        Named(docType, existing, cloud, local) with
        {
            CloudModified = cloud.Exists ? cloud.Modified : null,
            LocalModified = local.Exists ? local.Modified : null,
            Status = SyncStatus.Conflict,
            ErrorMessage = reason,
        };

    /// <summary>The pair parked until a dependency exists; the last agreement is kept.</summary>
    public static SyncRecord Waiting(string docType, SyncRecord? existing, SideState cloud, SideState local, string reason) =>
        Named(docType, existing, cloud, local) with { Status = SyncStatus.Pending, ErrorMessage = reason };

    /// <summary>The pair after a failed attempt; the last agreement is kept.</summary>
    public static SyncRecord Failed(SyncRecord existing, string message) =>
        existing with { Status = SyncStatus.Error, ErrorMessage = Shorten(message), RetryCount = existing.RetryCount + 1 };

    /// <summary>An audit row.</summary>
    public static SyncLogEntry Log(string docType, string? cloudName, string? localName, string action, string direction, string status, string? message, string? changesJson = null) => new()
    {
        DocType = docType,
        DocName = cloudName ?? localName ?? "",
        CloudName = cloudName,
        LocalName = localName,
        Action = action,
        Direction = direction,
        Status = status,
        Message = message is null ? null : Shorten(message),
        ChangesJson = changesJson,
    };

    /// <summary><c>cloud_to_local</c> or <c>local_to_cloud</c> for a write to <paramref name="target"/>.</summary>
    public static string DirectionTo(SiteName target) => target == SiteName.Local ? "cloud_to_local" : "local_to_cloud";

    private static SyncRecord Named(string docType, SyncRecord? existing, SideState cloud, SideState local) =>
        (existing ?? new SyncRecord { DocType = docType }) with
        {
            CloudName = (cloud.Exists ? cloud.Name : null) ?? existing?.CloudName,
            LocalName = (local.Exists ? local.Name : null) ?? existing?.LocalName,
        };

    private static string Shorten(string message) => message.Length <= 2000 ? message : message[..1997] + "...";
}
