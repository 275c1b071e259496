using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;

namespace ErpSync.Server.Tests.Support;

/// <summary>
/// An engine behaviour that records what the real engine would leave in the store for the source side: the
/// document's current <c>modified</c> (or a tombstone once it is gone), so the sweep's "already seen" check
/// meets realistic state without a second site being written.
/// </summary>
internal static class StoreRecordingBehaviour
{
    public static Func<EngineCall, CancellationToken, Task<SyncOutcome>> For(ServerHarness server) => async (call, ct) =>
    {
        var site = call.Source == SiteName.Cloud ? (IFrappeSite)server.CloudClient : server.LocalClient;
        var store = server.Database.Store;
        var document = await site.GetAsync(call.DocType, call.Name, ct);
        var record = await store.FindRecordAsync(call.DocType, call.Source, call.Name, ct)
                     ?? new SyncRecord { DocType = call.DocType, CloudName = call.Source == SiteName.Cloud ? call.Name : null, LocalName = call.Source == SiteName.Local ? call.Name : null };
        var modified = (string?)document?["modified"];
        record = call.Source == SiteName.Cloud ? record with { CloudModified = modified } : record with { LocalModified = modified };
        await store.SaveRecordAsync(record with { Status = document is null ? SyncStatus.Deleted : SyncStatus.Synced }, ct);
        return FakeSyncEngine.Applied(call);
    };
}
