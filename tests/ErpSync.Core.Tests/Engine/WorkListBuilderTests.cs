using ErpSync.Core.Canonical;
using ErpSync.Core.Engine;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;

namespace ErpSync.Core.Tests.Engine;

public sealed class WorkListBuilderTests
{
    private static readonly DocTypeMeta Meta = new() { Name = "Note", Autoname = "hash" };

    private static DocTypeContext Context(bool mapped) =>
        new("Note", Meta, ContentRules.None, mapped ? NamingResolver.Resolve(Meta) : NamingResolver.Resolve(Meta with { Autoname = "field:title" }), new SchemaDrift("Note"));

    private static SyncRecord Synced(string cloud, string local, string cloudModified = "2026-01-01 10:00:00.000001", string localModified = "2026-01-01 05:30:00.000002") => new()
    {
        Id = 1, DocType = "Note", CloudName = cloud, LocalName = local, CloudModified = cloudModified, LocalModified = localModified, Status = SyncStatus.Synced,
    };

    [Fact]
    public void Build_SyncedPairWithSameStamps_IsUnchangedAndNotFetched()
    {
        var work = WorkListBuilder.Build(Context(mapped: true), [Synced("c1", "l1")], [new DocStamp("c1", "2026-01-01 10:00:00.000001")], [new DocStamp("L1", "2026-01-01 05:30:00.000002")]);

        work.Unchanged.ShouldBe(1);
        work.Items.ShouldBeEmpty();
        work.UnknownCloud.ShouldBeEmpty();
        work.UnknownLocal.ShouldBeEmpty();
    }

    [Fact]
    public void Build_StampPrintedWithoutZeroMicroseconds_StillMatchesTheStoredOne()
    {
        var work = WorkListBuilder.Build(Context(mapped: true), [Synced("c1", "l1", cloudModified: "2026-01-01 10:00:00.000000")],
            [new DocStamp("c1", "2026-01-01 10:00:00")], [new DocStamp("l1", "2026-01-01 05:30:00.000002")]);

        work.Unchanged.ShouldBe(1);
    }

    [Fact]
    public void Build_ChangedVanishedWaitingAndNew_AreWork()
    {
        var records = new[]
        {
            Synced("changed", "changed-l"),
            Synced("vanished", "vanished-l"),
            Synced("waiting", "waiting-l") with { Status = SyncStatus.Pending },
        };
        var cloud = new[] { new DocStamp("changed", "2026-01-02 00:00:00"), new DocStamp("waiting", "2026-01-01 10:00:00.000001"), new DocStamp("new-c", "2026-01-03 00:00:00") };
        var local = new[] { new DocStamp("changed-l", "2026-01-01 05:30:00.000002"), new DocStamp("vanished-l", "2026-01-01 05:30:00.000002"), new DocStamp("waiting-l", "2026-01-01 05:30:00.000002"), new DocStamp("new-l", "2026-01-03 00:00:00") };

        var work = WorkListBuilder.Build(Context(mapped: true), records, cloud, local);

        work.Items.ShouldBe([new WorkItem(SiteName.Cloud, "changed"), new WorkItem(SiteName.Cloud, "vanished"), new WorkItem(SiteName.Cloud, "waiting")]);
        work.UnknownCloud.ShouldBe(["new-c"]);
        work.UnknownLocal.ShouldBe(["new-l"]);
    }

    [Fact]
    public void Build_UntouchedConflictAndTombstone_AreNotFetched()
    {
        var conflict = Synced("c", "l") with { Status = SyncStatus.Conflict, ErrorMessage = "title changed on both sides" };
        var tombstone = Synced("gone", "gone-l") with { Status = SyncStatus.Deleted };

        var work = WorkListBuilder.Build(Context(mapped: true), [conflict, tombstone], [new DocStamp("c", conflict.CloudModified!)], [new DocStamp("l", conflict.LocalModified!)]);

        work.Items.ShouldBeEmpty();
        work.Unchanged.ShouldBe(1);
        work.AwaitingResolution.ShouldHaveSingleItem().Kind.ShouldBe(SyncOutcomeKind.Conflict);
    }

    [Fact]
    public void Build_SameNamedDocumentsOnBothSitesWithoutRecord_AreOneItem()
    {
        var work = WorkListBuilder.Build(Context(mapped: false), [], [new DocStamp("A", "x"), new DocStamp("B", "x")], [new DocStamp("a", "y"), new DocStamp("C", "y")]);

        work.Items.ShouldBe([new WorkItem(SiteName.Cloud, "A"), new WorkItem(SiteName.Cloud, "B"), new WorkItem(SiteName.Local, "C")]);
    }
}
