using System.Text.Json.Nodes;
using ErpSync.Core.Changes;
using ErpSync.Core.Decisions;
using ErpSync.Core.Dependencies;
using ErpSync.Core.Planning;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using Microsoft.Extensions.Logging;

namespace ErpSync.Core.Engine;

/// <summary>
/// Inserts a copy without ever duplicating it. Under the DocType's creation lock (one decision of a DocType at a time,
/// across workers and — on PostgreSQL — processes): the store is read again, so a copy another worker just made is
/// seen; an existing copy is adopted instead (<see cref="AdoptionFinder"/>); a write-ahead record naming the source and
/// what is sent is issued to the store, and is durable before the insert request. The insert request and the commit
/// run under the insert's identity lock only
/// (<see cref="LockKeys.Insert"/>), so inserts of different documents overlap while a worker handling the new copy
/// waits until the pair is committed.
/// A crash between the insert and the commit leaves the write-ahead record, and the next attempt adopts the copy.
/// </summary>
internal sealed class InsertProtocol(SitePair sites, ISyncStore store, IDocumentLocks locks, AdoptionFinder adoption, DependencyCheck dependencies, TimeProvider time, ILogger logger)
{
    /// <summary>Inserts <paramref name="insert"/> for the pair read as <paramref name="snapshot"/>.</summary>
    public async Task<InsertResult> InsertAsync(EngineSetup setup, DocTypeContext docType, PlannedInsert insert, PairSnapshot snapshot, PairCall call, CancellationToken cancellationToken)
    {
        var target = insert.Target;
        var sourceSite = target.Other();
        var source = snapshot.Side(sourceSite);
        var sourceName = source.Name ?? throw new InvalidOperationException($"An insert of {docType.Name} on {target.ToWire()} has no source document.");
        var payload = WritePayloadBuilder.BuildInsert(docType.Meta, docType.Rules, insert.Content, target, snapshot.Names, docType.Naming, insert.SourceName);
        if (!payload.IsComplete)
            return new InsertResult(ExecutionKind.MissingDependencies) { Missing = DependencyCheck.Classify(setup, payload.MissingLinks.Select(r => new SitedRef(r, sourceSite))) };

        // Lock order: pair, then insert identity, then the DocType's creation lock (always innermost and brief).
        await using var inserting = await locks.AcquireAsync(LockKeys.Insert(docType.Name, IdentityProjection.Hash(insert.Content, docType.Meta, docType.Rules)), cancellationToken);
        var (decided, current, saving) = await DecideAsync(setup, docType, insert, snapshot, call, sourceSite, sourceName, target, cancellationToken);
        if (decided is not null || saving is null)
            return decided!;

        // Durable before anything is sent: a crash after the insert then always leaves the record to adopt by.
        var writeAhead = await saving;

        JsonObject created;
        try
        {
            created = await sites[target].InsertAsync(docType.Name, payload.Body, cancellationToken);
        }
        catch (FrappeException ex) when (ex is FrappeLinkValidationException || (ex.StatusCode is >= 400 and < 500 && ex is not FrappeRateLimitedException))
        {
            // A 4xx answer means the site rolled the insert back: nothing was created, the write-ahead is void.
            var restored = await store.SaveRecordAsync(current ?? writeAhead with { BaseSnapshot = null, ErrorMessage = null }, cancellationToken);
            return ex switch
            {
                FrappeLinkValidationException link => new InsertResult(ExecutionKind.MissingDependencies) { Record = restored, Missing = dependencies.FromRefusal(setup, target, snapshot.Names, link.MissingLinks), Error = ex },
                FrappeDuplicateException when !docType.IsMapped => new InsertResult(ExecutionKind.Moved) { Record = restored, Reason = $"{docType.Name} {insert.SourceName} already exists on {target.ToWire()}" },
                _ => new InsertResult(ExecutionKind.Failed) { Record = restored, Error = ex },
            };
        }
        catch (FrappeException ex)
        {
            // No answer or a server error: the copy may exist. The write-ahead record stays, so the next attempt looks for it.
            return new InsertResult(ExecutionKind.Failed) { Record = writeAhead, Error = ex };
        }

        var copy = SideReader.Read(created, docType.Meta, docType.Rules, target, snapshot.Names);
        var pending = insert.StepsAfter.Count > 0;
        var (cloud, local) = sourceSite == SiteName.Cloud ? (source, copy) : (copy, source);
        var record = RecordBuilder.Synced(docType.Name, writeAhead, cloud, local, insert.Content, RecordBuilder.DirectionTo(target), time.GetUtcNow()) with
        {
            Status = pending ? SyncStatus.Pending : SyncStatus.Synced,
            ErrorMessage = pending ? "created; docstatus still to be set" : null,
        };
        var action = insert.AmendedFrom is null ? "create" : "amend";
        var creationLog = RecordBuilder.Log(docType.Name, record.CloudName, record.LocalName, action, RecordBuilder.DirectionTo(target), "success",
            $"created {target.ToWire()} {copy.Name} from {sourceSite.ToWire()} {sourceName}", FieldDiff.ToJson(null, copy.Document, docType.Rules));
        var committed = await store.CommitAsync(new SyncCommit(record, [creationLog]), cancellationToken);
        return new InsertResult(ExecutionKind.Completed) { Created = created, Record = committed };
    }

    /// <summary>
    /// Under the DocType's creation lock: checks the store again, adopts an existing copy, or starts saving the
    /// write-ahead record (the caller awaits it before the insert request). The lock is released once the save is
    /// issued, not once it is durable, because waiting for the commit here made every insert of a DocType queue
    /// behind the previous one's commit (84% of the time under this lock in the initial-sync benchmark). Issued is
    /// enough: the only documents a worker deciding meanwhile could pair wrongly are this source document — its pair
    /// lock and the insert identity lock are held until the pair is committed — or its copy, which does not exist
    /// before the save is durable and the insert sent. A first record naming this document that races the save
    /// anyway fails on the store's unique name index (on SQLite it queues behind the save; on PostgreSQL either one
    /// fails, and a failed save sends nothing), so no document is ever paired or copied twice.
    /// </summary>
    private async Task<(InsertResult? Decided, SyncRecord? Current, Task<SyncRecord>? WriteAhead)> DecideAsync(EngineSetup setup, DocTypeContext docType, PlannedInsert insert, PairSnapshot snapshot, PairCall call,
        SiteName sourceSite, string sourceName, SiteName target, CancellationToken cancellationToken)
    {
        await using var creation = await locks.AcquireAsync(LockKeys.Creation(docType.Name), cancellationToken);
        var current = await store.FindRecordAsync(docType.Name, sourceSite, sourceName, cancellationToken);
        if (!Unchanged(snapshot.Record, current, target))
            return (new InsertResult(ExecutionKind.Moved) { Reason = "the pair changed while waiting to create the copy" }, current, null);

        var found = await adoption.FindAsync(setup, docType, insert, snapshot, current, call, cancellationToken);
        if (found is not null)
        {
            if (found.Replaces is { } obsolete && obsolete.Id != found.Record.Id && obsolete.Id != 0)
            {
                // The store deletes by name on either site; with per-site series the same name can be another pair's
                // name on the other site, and that pair must survive.
                if (await store.FindRecordAsync(docType.Name, target, sourceName, cancellationToken) is not null)
                {
                    var clash = new FrappeValidationException(
                        $"{docType.Name} {sourceSite.ToWire()} {sourceName} is the copy of {found.Target.ToWire()} {found.TargetName}, but its name is also used by another pair on {target.ToWire()}; "
                        + "reset this document's pair and sync it again, rather than have a duplicate created");
                    return (new InsertResult(ExecutionKind.Failed) { Record = current, Error = clash }, current, null);
                }

                await store.DeleteRecordsAsync(docType.Name, sourceName, cancellationToken);
            }
            var log = RecordBuilder.Log(docType.Name, found.Record.CloudName, found.Record.LocalName, "pair", "none", "success", $"paired with {found.Target.ToWire()} {found.TargetName}: {found.How}");
            var saved = await store.CommitAsync(new SyncCommit(found.Record, [log]), cancellationToken);
            EngineLog.Adopted(logger, docType.Name, saved.CloudName ?? "", saved.LocalName ?? "", found.How);
            return (new InsertResult(ExecutionKind.Moved) { Record = saved, Adopted = true, Reason = $"paired with the existing {found.Target.ToWire()} {found.TargetName} ({found.How})" }, current, null);
        }

        var writeAhead = (current ?? new SyncRecord { DocType = docType.Name }) with
        {
            CloudName = sourceSite == SiteName.Cloud ? sourceName : null,
            LocalName = sourceSite == SiteName.Local ? sourceName : null,
            BaseSnapshot = insert.Content.Json,
            Status = SyncStatus.Pending,
            ErrorMessage = $"creating the copy on {target.ToWire()}",
        };
        return (null, current, store.SaveRecordAsync(writeAhead, cancellationToken));
    }

    private static bool Unchanged(SyncRecord? read, SyncRecord? now, SiteName target) =>
        read is null
            ? now is null
            : now is not null && now.Id == read.Id && now.UpdatedAt == read.UpdatedAt &&
              string.Equals(now.NameOn(target), read.NameOn(target), StringComparison.Ordinal);
}
