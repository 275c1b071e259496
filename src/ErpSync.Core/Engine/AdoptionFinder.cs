using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Decisions;
using ErpSync.Core.Planning;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>
/// Before a copy is inserted (under the DocType's creation lock), looks for an unpaired document on the target that
/// already is that copy, so nothing is ever created twice: (1) the copy an interrupted earlier insert of this very
/// document made — its write-ahead record says what was sent and since when; (2) the source document being itself
/// the copy an interrupted insert made from the other site; (3) for mapped DocTypes, a document of the same name
/// no pair claims. A candidate is the copy only when its identifying content (<see cref="IdentityProjection"/>)
/// equals what was, or would be, sent.
/// </summary>
internal sealed class AdoptionFinder(SitePair sites, ISyncStore store, NameMapLoader nameMaps, SyncEngineOptions options)
{
    private const int MaxCandidates = 1000;

    /// <summary>The adoption replacing <paramref name="insert"/>, or <c>null</c> when no copy exists.</summary>
    public async Task<Adoption?> FindAsync(EngineSetup setup, DocTypeContext docType, PlannedInsert insert, PairSnapshot snapshot, SyncRecord? current, PairCall call, CancellationToken cancellationToken)
    {
        var target = insert.Target;
        var source = snapshot.Side(target.Other());
        if (source.Document is null || source.Name is null)
            return null;

        if (current is { BaseSnapshot: { } sent } && current.NameOn(target) is null && Parse(sent) is { } sentDocument)
        {
            // What an interrupted insert sent is the base; the source's later edits then show as its own changes.
            var copy = await InterruptedAsync(setup, docType, target, current, sentDocument, cancellationToken);
            if (copy is not null)
            {
                var record = Paired(docType.Name, current, target,
                    new SidePin(source.Name, sentDocument.Hash, null, Math.Min(source.Docstatus, copy.Docstatus)), Pin(copy), sentDocument);
                return new Adoption(record, null, target, copy.Name!, "the copy an interrupted insert of it created");
            }
        }

        var original = await OriginalOfCopyAsync(setup, docType, target, current, source, cancellationToken);
        if (original is not null)
            return original;

        if (docType.IsMapped && insert.SourceName is { } sameName && call.Run.MayExistUnpaired(docType.Name, target, sameName) &&
            await store.FindRecordAsync(docType.Name, target, sameName, cancellationToken) is null &&
            await ReadStateAsync(setup, docType, target, sameName, cancellationToken) is { } namesake &&
            Identity(docType, namesake.Document!) == Identity(docType, insert.Content))
        {
            var record = Paired(docType.Name, current, target, Pin(source), Pin(namesake), source.Document);
            return new Adoption(record, null, target, namesake.Name!, "same name and content, not yet paired");
        }

        return null;
    }

    private async Task<SideState?> InterruptedAsync(EngineSetup setup, DocTypeContext docType, SiteName target, SyncRecord writeAhead, CanonicalDocument sent, CancellationToken cancellationToken)
    {
        var wanted = Identity(docType, sent);
        var since = TimeZoneInfo.ConvertTime(writeAhead.CreatedAt - options.RecoveryWindow, setup.Zone(target));
        var query = new ListQuery(docType.Name)
        {
            Fields = ["name"],
            Filters = [new ListFilter("creation", ">=", since.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))],
            OrderBy = "creation asc, name asc",
            Limit = MaxCandidates,
        };
        var names = new List<string>();
        await foreach (var row in sites[target].ListAsync(query, cancellationToken))
        {
            if (Canonical.ValueNormalizer.Text(row["name"])?.GetValue<string>() is { } name)
                names.Add(name);
        }

        foreach (var name in names)
        {
            if (await store.FindRecordAsync(docType.Name, target, name, cancellationToken) is not null)
                continue;
            if (await ReadStateAsync(setup, docType, target, name, cancellationToken) is { } state && Identity(docType, state.Document!) == wanted)
                return state;
        }

        return null;
    }

    private async Task<Adoption?> OriginalOfCopyAsync(EngineSetup setup, DocTypeContext docType, SiteName target, SyncRecord? current, SideState copy, CancellationToken cancellationToken)
    {
        var identity = Identity(docType, copy.Document!);
        var candidates = new List<SyncRecord>();
        foreach (var status in new[] { SyncStatus.Pending, SyncStatus.Error })
        {
            await foreach (var record in store.ListRecordsByStatusAsync(status, docType.Name, cancellationToken))
            {
                if (record.Id != current?.Id && record.NameOn(target) is not null && record.NameOn(target.Other()) is null && record.BaseSnapshot is not null)
                    candidates.Add(record);
            }
        }

        foreach (var record in candidates)
        {
            if (Parse(record.BaseSnapshot) is not { } sent || Identity(docType, sent) != identity ||
                await ReadStateAsync(setup, docType, target, record.NameOn(target)!, cancellationToken) is not { } original)
                continue;
            var paired = Paired(docType.Name, record, target, Pin(copy),
                new SidePin(original.Name!, sent.Hash, null, Math.Min(original.Docstatus, copy.Docstatus)), sent);
            return new Adoption(paired, current, target, original.Name!, "it is the copy an interrupted insert created from " + original.Name);
        }

        return null;
    }

    private async Task<SideState?> ReadStateAsync(EngineSetup setup, DocTypeContext docType, SiteName site, string name, CancellationToken cancellationToken)
    {
        var document = await sites[site].GetAsync(docType.Name, name, cancellationToken);
        if (document is null)
            return null;
        var names = await nameMaps.LoadAsync(setup, docType, [(document, site)], cancellationToken);
        return SideReader.Read(document, docType.Meta, docType.Rules, site, names);
    }

    private static SidePin Pin(SideState state) => new(state.Name!, state.Hash!, state.Modified, state.Docstatus);

    private static SyncRecord Paired(string docType, SyncRecord? record, SiteName target, SidePin source, SidePin adopted, CanonicalDocument baseDocument)
    {
        var (cloud, local) = target == SiteName.Cloud ? (adopted, source) : (source, adopted);
        return (record ?? new SyncRecord { DocType = docType }) with
        {
            CloudName = cloud.Name,
            LocalName = local.Name,
            CloudHash = cloud.Hash,
            LocalHash = local.Hash,
            CloudModified = cloud.Modified,
            LocalModified = local.Modified,
            CloudDocstatus = cloud.Docstatus,
            LocalDocstatus = local.Docstatus,
            BaseSnapshot = baseDocument.Json,
            // Pending until the next plan commits: a full sync never skips a fetch on the strength of an adoption alone.
            Status = SyncStatus.Pending,
            ErrorMessage = null,
            SyncDirection = "converged",
        };
    }

    private static string Identity(DocTypeContext docType, CanonicalDocument document) => IdentityProjection.Hash(document, docType.Meta, docType.Rules);

    private static CanonicalDocument? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            return CanonicalDocument.Parse(json);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record SidePin(string Name, string Hash, string? Modified, int Docstatus);
}
