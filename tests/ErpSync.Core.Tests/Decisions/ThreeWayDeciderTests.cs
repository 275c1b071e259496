using ErpSync.Core.Canonical;
using ErpSync.Core.Configuration;
using ErpSync.Core.Decisions;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Tests.Decisions;

public sealed class ThreeWayDeciderTests
{
    private static readonly CanonicalDocument A = CanonicalDocument.Parse("""{"customer_name":"Acme","disabled":0}""");
    private static readonly CanonicalDocument B = CanonicalDocument.Parse("""{"customer_name":"Acme Corp","disabled":0}""");
    private static readonly CanonicalDocument C = CanonicalDocument.Parse("""{"customer_name":"Acme","disabled":1}""");

    private static PairBaseline Synced(CanonicalDocument cloud, CanonicalDocument? local = null, int cloudDocstatus = 0, int localDocstatus = 0) => new()
    {
        CloudName = "C-1",
        LocalName = "L-1",
        CloudHash = cloud.Hash,
        LocalHash = (local ?? cloud).Hash,
        CloudDocstatus = cloudDocstatus,
        LocalDocstatus = localDocstatus,
        Base = cloud,
    };

    private static SideState On(CanonicalDocument doc, int docstatus = 0, string name = "X") => SideState.Present(name, doc, docstatus, "2026-11-22 04:26:30");

    private static SyncDecision Decide(PairBaseline? baseline, SideState cloud, SideState local, FlowPolicy? flow = null) =>
        ThreeWayDecider.Decide(baseline, cloud, local, flow ?? FlowPolicy.Bidirectional);

    [Fact]
    public void Decide_NothingChanged_IsNone() =>
        Decide(Synced(A), On(A), On(A)).Kind.ShouldBe(DecisionKind.None);

    [Fact]
    public void Decide_EchoOfServerComputedDifference_IsNoneNotPingPong()
    {
        // After our last write local's server returned B while cloud held A; both are what was stored.
        var decision = Decide(Synced(A, B), On(A), On(B));

        decision.Kind.ShouldBe(DecisionKind.None);
    }

    [Fact]
    public void Decide_CloudChangedOnly_IsCloudToLocal()
    {
        var decision = Decide(Synced(A), On(B), On(A));

        decision.Kind.ShouldBe(DecisionKind.CloudToLocal);
        decision.CloudChanged.ShouldBeTrue();
        decision.LocalChanged.ShouldBeFalse();
    }

    [Fact]
    public void Decide_LocalChangedOnly_IsLocalToCloud() =>
        Decide(Synced(A), On(A), On(B)).Kind.ShouldBe(DecisionKind.LocalToCloud);

    [Fact]
    public void Decide_BothChangedToTheSameContent_IsConverged() =>
        Decide(Synced(A), On(B), On(B)).Kind.ShouldBe(DecisionKind.Converged);

    [Fact]
    public void Decide_BothChangedDifferently_IsConflict() =>
        Decide(Synced(A), On(B), On(C)).Kind.ShouldBe(DecisionKind.Conflict);

    [Fact]
    public void Decide_OneSideChangedToTheOthersDivergentValue_IsConverged() =>
        Decide(Synced(A, B), On(B), On(B)).Kind.ShouldBe(DecisionKind.Converged);

    [Fact]
    public void Decide_NewOnCloud_IsCreateOnLocal() =>
        Decide(null, On(A), SideState.Absent()).Kind.ShouldBe(DecisionKind.CreateOnLocal);

    [Fact]
    public void Decide_NewOnLocal_IsCreateOnCloud() =>
        Decide(null, SideState.Absent(), On(A)).Kind.ShouldBe(DecisionKind.CreateOnCloud);

    [Fact]
    public void Decide_PendingCreationRetried_IsStillCreate()
    {
        var halfDone = new PairBaseline { CloudName = "C-1", CloudHash = A.Hash };

        Decide(halfDone, On(A), SideState.Absent()).Kind.ShouldBe(DecisionKind.CreateOnLocal);
    }

    [Fact]
    public void Decide_FirstSeenOnBothWithSameContent_IsConverged() =>
        Decide(null, On(A), On(A)).Kind.ShouldBe(DecisionKind.Converged);

    [Fact]
    public void Decide_FirstSeenOnBothWithDifferentContent_IsConflictWithoutBase()
    {
        var decision = Decide(null, On(A), On(B));

        decision.Kind.ShouldBe(DecisionKind.Conflict);
        decision.Reason.ShouldContain("no common base");
    }

    [Fact]
    public void Decide_DeletedOnCloudLocalUnchanged_IsDeleteOnLocal() =>
        Decide(Synced(A), SideState.Absent("C-1"), On(A)).Kind.ShouldBe(DecisionKind.DeleteOnLocal);

    [Fact]
    public void Decide_DeletedOnLocalCloudUnchanged_IsDeleteOnCloud() =>
        Decide(Synced(A), On(A), SideState.Absent("L-1")).Kind.ShouldBe(DecisionKind.DeleteOnCloud);

    [Fact]
    public void Decide_DeletedOnCloudEditedOnLocal_IsDeleteEditConflict()
    {
        var decision = Decide(Synced(A), SideState.Absent("C-1"), On(B));

        decision.Kind.ShouldBe(DecisionKind.DeleteEditConflict);
        decision.Reason.ShouldBe("deleted on cloud, changed on local");
    }

    [Fact]
    public void Decide_DeletedOnCloudSubmittedOnLocal_IsDeleteEditConflict() =>
        Decide(Synced(A), SideState.Absent("C-1"), On(A, docstatus: 1)).Kind.ShouldBe(DecisionKind.DeleteEditConflict);

    [Fact]
    public void Decide_DeletedOnBoth_IsBothDeleted() =>
        Decide(Synced(A), SideState.Absent("C-1"), SideState.Absent("L-1")).Kind.ShouldBe(DecisionKind.BothDeleted);

    [Fact]
    public void Decide_NeverExisted_IsNone() =>
        Decide(null, SideState.Absent(), SideState.Absent()).Kind.ShouldBe(DecisionKind.None);

    [Fact]
    public void Decide_RecreatedAfterTombstone_IsNew()
    {
        var tombstone = Synced(A) with { Tombstone = true };

        Decide(tombstone, On(B), SideState.Absent()).Kind.ShouldBe(DecisionKind.CreateOnLocal);
    }

    [Fact]
    public void Decide_SubmittedOnCloudOnly_IsNoContentChangePlusSubmitOnLocal()
    {
        var decision = Decide(Synced(A), On(A, docstatus: 1), On(A));

        decision.Kind.ShouldBe(DecisionKind.None);
        decision.Lifecycle.ShouldNotBeNull();
        decision.Lifecycle.Target.ShouldBe(SiteName.Local);
        decision.Lifecycle.Steps.ShouldBe([LifecycleStep.Submit]);
        decision.Lifecycle.CanApply.ShouldBeTrue();
    }

    [Fact]
    public void Decide_SubmittedAndCancelledOnLocalMeanwhile_PlansSubmitThenCancelOnCloud()
    {
        var decision = Decide(Synced(A), On(A), On(A, docstatus: 2));

        decision.Lifecycle!.Target.ShouldBe(SiteName.Cloud);
        decision.Lifecycle.Steps.ShouldBe([LifecycleStep.Submit, LifecycleStep.Cancel]);
    }

    [Fact]
    public void Decide_DocstatusWentBackwards_IsALifecycleError()
    {
        var decision = Decide(Synced(A, cloudDocstatus: 1, localDocstatus: 1), On(A, docstatus: 1), On(A, docstatus: 0));

        decision.Lifecycle!.Error.ShouldNotBeNull();
        decision.Lifecycle.Error.ShouldContain("went back from submitted to draft");
        decision.Lifecycle.CanApply.ShouldBeFalse();
    }

    [Fact]
    public void Decide_LocalChangeOnCloudToLocalDocType_IsBlockedAndSaysWhy()
    {
        var decision = Decide(Synced(A), On(A), On(B), new FlowPolicy(SyncDirectionRule.CloudToLocal));

        decision.Kind.ShouldBe(DecisionKind.Blocked);
        decision.Intended.ShouldBe(DecisionKind.LocalToCloud);
        decision.Reason.ShouldContain("direction rule cloud_to_local");
    }

    [Fact]
    public void Decide_CloudChangeOnCloudToLocalDocType_FlowsNormally() =>
        Decide(Synced(A), On(B), On(A), new FlowPolicy(SyncDirectionRule.CloudToLocal)).Kind.ShouldBe(DecisionKind.CloudToLocal);

    [Fact]
    public void Decide_ForcedDirectionAgainstTheChange_IsBlocked()
    {
        var decision = Decide(Synced(A), On(B), On(A), new FlowPolicy(SyncDirectionRule.Bidirectional, ForcedDirection.LocalToCloud));

        decision.Kind.ShouldBe(DecisionKind.Blocked);
        decision.Reason.ShouldContain("forced direction local_to_cloud");
    }

    [Fact]
    public void Decide_RuleAndForcedOpposite_BlocksEvenConflicts()
    {
        var flow = new FlowPolicy(SyncDirectionRule.CloudToLocal, ForcedDirection.LocalToCloud);

        Decide(Synced(A), On(B), On(C), flow).Kind.ShouldBe(DecisionKind.Blocked);
    }

    [Fact]
    public void Decide_LifecycleAgainstDirectionRule_IsMarkedBlocked()
    {
        var decision = Decide(Synced(A), On(A), On(A, docstatus: 1), new FlowPolicy(SyncDirectionRule.CloudToLocal));

        decision.Lifecycle!.BlockedReason.ShouldNotBeNull();
        decision.Lifecycle.CanApply.ShouldBeFalse();
    }

    [Fact]
    public void Decide_UnchangedHashesWithAnyStoredState_AreAlwaysNone()
    {
        var random = new Random(31);
        var docs = new[] { A, B, C };
        for (var run = 0; run < 500; run++)
        {
            var cloud = docs[random.Next(3)];
            var local = docs[random.Next(3)];
            var cloudStatus = random.Next(3);
            var localStatus = random.Next(3);
            var baseline = Synced(cloud, local, cloudStatus, localStatus) with { Base = docs[random.Next(3)] };

            var decision = Decide(baseline, On(cloud, cloudStatus), On(local, localStatus));

            decision.Kind.ShouldBe(DecisionKind.None, $"run {run}");
        }
    }

    [Fact]
    public void Decide_SidesSwapped_GiveMirroredDecisions()
    {
        var random = new Random(32);
        var docs = new[] { A, B, C };
        for (var run = 0; run < 500; run++)
        {
            var stored = (docs[random.Next(3)], docs[random.Next(3)]);
            SideState Pick() => random.Next(4) == 0 ? SideState.Absent("gone") : On(docs[random.Next(3)], random.Next(2));
            var (cloud, local) = (Pick(), Pick());
            var baseline = random.Next(5) == 0 ? null : Synced(stored.Item1, stored.Item2);
            var mirrored = baseline is null ? null : Synced(stored.Item2, stored.Item1);

            var decision = Decide(baseline, cloud, local);
            var swapped = Decide(mirrored, local, cloud);

            swapped.Kind.ShouldBe(Mirror(decision.Kind), $"run {run}");
        }
    }

    [Fact]
    public void PairBaseline_FromRecordWithUnreadableSnapshot_HasNoBase()
    {
        var record = new SyncRecord { DocType = "Customer", CloudName = "C", LocalName = "L", CloudHash = "h", LocalHash = "h", BaseSnapshot = "{not json" };

        var baseline = PairBaseline.From(record);

        baseline.Base.ShouldBeNull();
        baseline.KnownOnCloud.ShouldBeTrue();
    }

    private static DecisionKind Mirror(DecisionKind kind) => kind switch
    {
        DecisionKind.CloudToLocal => DecisionKind.LocalToCloud,
        DecisionKind.LocalToCloud => DecisionKind.CloudToLocal,
        DecisionKind.CreateOnCloud => DecisionKind.CreateOnLocal,
        DecisionKind.CreateOnLocal => DecisionKind.CreateOnCloud,
        DecisionKind.DeleteOnCloud => DecisionKind.DeleteOnLocal,
        DecisionKind.DeleteOnLocal => DecisionKind.DeleteOnCloud,
        _ => kind,
    };
}
