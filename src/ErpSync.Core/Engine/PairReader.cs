using System.Text.Json.Nodes;
using ErpSync.Core.Decisions;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>
/// Reads both documents of a pair and turns them into canonical states. The names come from the stored record;
/// a same-named DocType looks for a document of the same name on the other site; a mapped document not yet paired
/// has no counterpart to read. A document that vanished from a known pair gets its deletion time from the site's
/// <c>Deleted Document</c> row, so <c>latest_timestamp</c> can weigh a deletion against an edit.
/// </summary>
internal sealed class PairReader(IFrappeSite cloud, IFrappeSite local, NameMapLoader nameMaps)
{
    /// <summary>Reads the pair of <paramref name="name"/> on <paramref name="site"/>, whose stored record is <paramref name="record"/>.</summary>
    public async Task<PairSnapshot> ReadAsync(EngineSetup setup, DocTypeContext docType, SyncRecord? record, SiteName site, string name, CancellationToken cancellationToken)
    {
        var cloudName = record is null ? (site == SiteName.Cloud ? name : null) : record.CloudName;
        var localName = record is null ? (site == SiteName.Local ? name : null) : record.LocalName;
        if (!docType.IsMapped)
        {
            cloudName ??= localName;
            localName ??= cloudName;
        }

        var cloudRead = cloudName is null ? Task.FromResult<JsonObject?>(null) : cloud.GetAsync(docType.Name, cloudName, cancellationToken);
        var localRead = localName is null ? Task.FromResult<JsonObject?>(null) : local.GetAsync(docType.Name, localName, cancellationToken);
        var cloudRaw = await cloudRead;
        var localRaw = await localRead;
        return await StatesAsync(setup, docType, record, cloudRaw, localRaw, cancellationToken);
    }

    /// <summary>Canonical states of documents already read.</summary>
    public async Task<PairSnapshot> StatesAsync(EngineSetup setup, DocTypeContext docType, SyncRecord? record, JsonObject? cloudRaw, JsonObject? localRaw, CancellationToken cancellationToken)
    {
        var names = await nameMaps.LoadAsync(setup, docType, [(cloudRaw, SiteName.Cloud), (localRaw, SiteName.Local)], cancellationToken);
        string? cloudDeleted = null;
        string? localDeleted = null;
        if (record is not null && record.Status != SyncStatus.Deleted)
        {
            if (cloudRaw is null && localRaw is not null && record is { CloudName: { } gone, CloudHash: not null })
                cloudDeleted = await DeletedAtAsync(cloud, docType.Name, gone, record.CloudModified, cancellationToken);
            if (localRaw is null && cloudRaw is not null && record is { LocalName: { } vanished, LocalHash: not null })
                localDeleted = await DeletedAtAsync(local, docType.Name, vanished, record.LocalModified, cancellationToken);
        }

        return new PairSnapshot
        {
            Record = record,
            CloudRaw = cloudRaw,
            LocalRaw = localRaw,
            Cloud = SideReader.Read(cloudRaw, docType.Meta, docType.Rules, SiteName.Cloud, names, record?.CloudName, cloudDeleted),
            Local = SideReader.Read(localRaw, docType.Meta, docType.Rules, SiteName.Local, names, record?.LocalName, localDeleted),
            Names = names,
        };
    }

    private static async Task<string?> DeletedAtAsync(IFrappeSite site, string docType, string name, string? lastModified, CancellationToken cancellationToken)
    {
        // The deletion came after the last modified the pair saw, so only rows from then on can be it.
        var after = lastModified is null ? null : new DocCursor(lastModified, "");
        string? deletedAt = null;
        try
        {
            await foreach (var row in site.ListDeletedSinceAsync(docType, after, cancellationToken))
            {
                if (string.Equals(row.DeletedName, name, StringComparison.OrdinalIgnoreCase))
                    deletedAt = row.Creation;
            }
        }
        catch (FrappeException ex) when (!ex.IsTransient)
        {
            // Without read access to Deleted Document the time stays unknown; latest_timestamp then leaves it to a person.
            return null;
        }

        return deletedAt;
    }
}
