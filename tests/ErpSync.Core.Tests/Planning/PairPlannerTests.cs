using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Configuration;
using ErpSync.Core.Decisions;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Planning;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Planning;

public sealed class PairPlannerTests
{
    private static readonly CanonicalDocument Order = Canon.Of(Docs.SalesOrder(), ErpNextMeta.SalesOrder);

    private static PairBaseline Synced(CanonicalDocument doc, int docstatus = 0) => new()
    {
        CloudName = "SAL-ORD-2026-00001",
        LocalName = "SO-L-9",
        CloudHash = doc.Hash,
        LocalHash = doc.Hash,
        CloudDocstatus = docstatus,
        LocalDocstatus = docstatus,
        Base = doc,
    };

    private static SideState Cloud(CanonicalDocument doc, int docstatus = 0, string modified = "2026-11-22 10:00:00") =>
        SideState.Present("SAL-ORD-2026-00001", doc, docstatus, modified);

    private static SideState Local(CanonicalDocument doc, int docstatus = 0, string modified = "2026-11-22 06:00:00") =>
        SideState.Present("SO-L-9", doc, docstatus, modified);

    private static PairPlan Plan(PairBaseline? baseline, SideState cloud, SideState local, ConflictStrategy strategy = ConflictStrategy.Merge, FlowPolicy? flow = null) =>
        PairPlanner.Plan(Input(baseline, cloud, local, strategy, flow));

    private static PairPlanInput Input(PairBaseline? baseline, SideState cloud, SideState local, ConflictStrategy strategy = ConflictStrategy.Merge, FlowPolicy? flow = null) => new()
    {
        Meta = ErpNextMeta.SalesOrder,
        Strategy = strategy,
        Flow = flow ?? FlowPolicy.Bidirectional,
        Baseline = baseline,
        Cloud = cloud,
        Local = local,
    };

    [Fact]
    public void Plan_Unchanged_IsNoChange()
    {
        var plan = Plan(Synced(Order), Cloud(Order), Local(Order));

        plan.Outcome.ShouldBe(PlanOutcome.NoChange);
        plan.Writes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_CloudEditedDraft_UpdatesLocalWithTheChangedFields()
    {
        var edited = Order.With("po_no", "PO-1").With("terms", "Net 60");

        var plan = Plan(Synced(Order), Cloud(edited), Local(Order));

        plan.Outcome.ShouldBe(PlanOutcome.Apply);
        var update = plan.Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedUpdate>();
        update.Target.ShouldBe(SiteName.Local);
        update.Fields.ShouldBe(["po_no", "terms"]);
        update.StepsAfter.ShouldBeEmpty();
        plan.Agreed.ShouldBe(edited);
        plan.Message.ShouldBe("changed on cloud only: update local (po_no, terms)");
    }

    [Fact]
    public void Plan_CloudEditedAndSubmitted_UpdatesTheLocalDraftThenSubmits()
    {
        var submitted = Order.With("status", "To Deliver and Bill");

        var update = Plan(Synced(Order), Cloud(submitted, 1), Local(Order)).Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedUpdate>();

        update.Fields.ShouldBe(["status"]);
        update.StepsAfter.ShouldBe([LifecycleStep.Submit]);
    }

    [Fact]
    public void Plan_OnlyCancelledOnCloud_CancelsLocalWithoutAContentWrite()
    {
        var plan = Plan(Synced(Order, 1), Cloud(Order, 2), Local(Order, 1));

        var update = plan.Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedUpdate>();
        update.Target.ShouldBe(SiteName.Local);
        update.Fields.ShouldBeEmpty();
        update.StepsAfter.ShouldBe([LifecycleStep.Cancel]);
        plan.Message.ShouldBe("content unchanged on both sides: cancel local");
    }

    [Fact]
    public void Plan_DisallowedChangeOnSubmittedPair_IsAConflictWithAClearReasonNotARetry()
    {
        var plan = Plan(Synced(Order, 1), Cloud(Order.With("terms", "Net 60"), 1), Local(Order, 1));

        plan.Outcome.ShouldBe(PlanOutcome.Conflict);
        plan.Writes.ShouldBeEmpty();
        plan.Conflict!.Strategy.ShouldBe("lifecycle");
        plan.Conflict.Reason.ShouldBe("changed on cloud only; local Sales Order SO-L-9 is submitted; terms may not change after submit (not allow_on_submit)");
        plan.Conflict.ConflictingFields.ShouldBe(["terms"]);
        plan.Conflict.Resolved.ShouldBeFalse();
    }

    [Fact]
    public void Plan_AllowedChangeOnSubmittedPair_IsWritten()
    {
        var update = Plan(Synced(Order, 1), Cloud(Order.With("po_no", "PO-2"), 1), Local(Order, 1)).Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedUpdate>();

        update.Fields.ShouldBe(["po_no"]);
    }

    [Fact]
    public void Plan_OnlyDerivedFieldsDifferOnSubmittedTarget_ConvergesAndNamesTheSkippedFields()
    {
        var plan = Plan(Synced(Order, 1), Cloud(Order.With("per_delivered", 100).With("status", "Completed"), 1), Local(Order, 1));

        plan.Outcome.ShouldBe(PlanOutcome.Converged);
        plan.SkippedFields.ShouldBe(["per_delivered", "status"]);
        plan.Writes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_CleanMergeOfEditsOnBothSides_WritesEachSideTheOthersField()
    {
        var plan = Plan(Synced(Order), Cloud(Order.With("po_no", "PO-1")), Local(Order.With("terms", "Net 60")));

        plan.Outcome.ShouldBe(PlanOutcome.Apply);
        plan.Conflict.ShouldBeNull();
        plan.Writes.Cast<PlannedUpdate>().Select(u => $"{u.Target}:{string.Join(",", u.Fields)}").ShouldBe(["Cloud:terms", "Local:po_no"]);
    }

    [Fact]
    public void Plan_SameFieldEditedUnderManual_IsAnUnresolvedConflictAndWritesNothing()
    {
        var plan = Plan(Synced(Order), Cloud(Order.With("po_no", "PO-1")), Local(Order.With("po_no", "PO-2")), ConflictStrategy.Manual);

        plan.Outcome.ShouldBe(PlanOutcome.Conflict);
        plan.Writes.ShouldBeEmpty();
        plan.Conflict!.ConflictingFields.ShouldBe(["po_no"]);
    }

    [Fact]
    public void Plan_SameFieldEditedUnderLatestTimestamp_WritesTheLaterValueAndRecordsTheResolvedConflict()
    {
        var input = Input(Synced(Order), Cloud(Order.With("po_no", "PO-1"), modified: "2026-11-22 10:00:00"), Local(Order.With("po_no", "PO-2"), modified: "2026-11-22 06:00:00"), ConflictStrategy.LatestTimestamp)
            with { CloudTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"), LocalTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") };

        var plan = PairPlanner.Plan(input);

        plan.Conflict!.Resolution.ShouldBe("latest_timestamp:local");
        var update = plan.Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedUpdate>();
        update.Target.ShouldBe(SiteName.Cloud);
        update.Desired["po_no"]!.GetValue<string>().ShouldBe("PO-2");
    }

    [Fact]
    public void Plan_NewSubmittedOnCloud_InsertsADraftOnLocalThenSubmits()
    {
        var insert = Plan(null, Cloud(Order, 1), SideState.Absent()).Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedInsert>();

        insert.Target.ShouldBe(SiteName.Local);
        insert.StepsAfter.ShouldBe([LifecycleStep.Submit]);
        insert.SourceName.ShouldBe("SAL-ORD-2026-00001");
    }

    [Fact]
    public void Plan_NewCancelledOnLocal_IsCreatedSubmittedAndCancelledOnCloud() =>
        Plan(null, SideState.Absent(), Local(Order, 2)).Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedInsert>()
            .StepsAfter.ShouldBe([LifecycleStep.Submit, LifecycleStep.Cancel]);

    [Fact]
    public void Plan_DeletedOnCloudWhileLocalSubmittedUnchanged_CancelsThenDeletesLocal()
    {
        var plan = Plan(Synced(Order, 1), SideState.Absent("SAL-ORD-2026-00001"), Local(Order, 1));

        var delete = plan.Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedDelete>();
        delete.Target.ShouldBe(SiteName.Local);
        delete.StepsBefore.ShouldBe([LifecycleStep.Cancel]);
        plan.Message.ShouldBe("deleted on cloud, unchanged on local: cancel local, delete on local");
    }

    [Fact]
    public void Plan_DeletedOnLocalEditedOnCloudUnderMerge_IsAnUnresolvedConflict()
    {
        var plan = Plan(Synced(Order), Cloud(Order.With("po_no", "PO-1")), SideState.Absent("SO-L-9"));

        plan.Outcome.ShouldBe(PlanOutcome.Conflict);
        plan.Conflict!.Reason.ShouldBe("deleted on local, changed on cloud");
        plan.Conflict.ConflictingFields.ShouldBe(["po_no"]);
    }

    [Fact]
    public void Plan_DeletedOnLocalEditedOnCloudUnderCloudWins_RecreatesOnLocal()
    {
        var plan = Plan(Synced(Order), Cloud(Order.With("po_no", "PO-1")), SideState.Absent("SO-L-9"), ConflictStrategy.CloudWins);

        plan.Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedInsert>().Target.ShouldBe(SiteName.Local);
        plan.Conflict!.Resolved.ShouldBeTrue();
    }

    [Fact]
    public void Plan_BothDeleted_IsATombstone() =>
        Plan(Synced(Order), SideState.Absent("SAL-ORD-2026-00001"), SideState.Absent("SO-L-9")).Outcome.ShouldBe(PlanOutcome.Deleted);

    [Fact]
    public void Plan_LocalEditOnCloudToLocalDocType_IsBlockedAndVisible()
    {
        var plan = Plan(Synced(Order), Cloud(Order), Local(Order.With("po_no", "PO-L")), flow: new FlowPolicy(SyncDirectionRule.CloudToLocal));

        plan.Outcome.ShouldBe(PlanOutcome.Blocked);
        plan.Writes.ShouldBeEmpty();
        plan.Message.ShouldBe("changed on local only; not applied: direction rule cloud_to_local: changes on local are not sent to cloud");
    }

    [Fact]
    public void Plan_BothEditedOnCloudToLocalDocType_CloudVersionReplacesLocalAndTheLossIsRecorded()
    {
        var plan = Plan(Synced(Order), Cloud(Order.With("po_no", "PO-1")), Local(Order.With("terms", "local terms")), flow: new FlowPolicy(SyncDirectionRule.CloudToLocal));

        var update = plan.Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedUpdate>();
        update.Target.ShouldBe(SiteName.Local);
        update.Fields.ShouldBe(["po_no", "terms"]);
        plan.Conflict!.Resolution.ShouldBe("cloud_wins");
        plan.Conflict.LocalData!.ShouldContain("local terms");
    }

    [Fact]
    public void Plan_CloudSubmittedWhileLocalReplicaWasEdited_ReplicaFollowsTheSourceAndTheLossIsRecorded()
    {
        var plan = Plan(Synced(Order), Cloud(Order, docstatus: 1), Local(Order.With("po_no", "PO-L")), flow: new FlowPolicy(SyncDirectionRule.CloudToLocal));

        plan.Outcome.ShouldBe(PlanOutcome.Apply);
        var update = plan.Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedUpdate>();
        update.Target.ShouldBe(SiteName.Local);
        update.Fields.ShouldBe(["po_no"]);
        update.StepsAfter.ShouldBe([LifecycleStep.Submit]);
        plan.Conflict!.Resolution.ShouldBe("cloud_wins");
        plan.Agreed.ShouldBe(Order);
    }

    [Fact]
    public void Plan_CloudSubmittedWhileLocalReplicaWasEditedUnderForcedLocalToCloud_StaysBlocked()
    {
        var plan = Plan(Synced(Order), Cloud(Order, docstatus: 1), Local(Order.With("po_no", "PO-L")), flow: new FlowPolicy(SyncDirectionRule.CloudToLocal, ForcedDirection.LocalToCloud));

        plan.Outcome.ShouldBe(PlanOutcome.Blocked);
        plan.Writes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_ConflictNeedingAWriteAgainstForcedDirection_IsBlockedForThisRun()
    {
        var plan = Plan(Synced(Order), Cloud(Order.With("po_no", "PO-1")), Local(Order.With("terms", "x")), flow: new FlowPolicy(SyncDirectionRule.Bidirectional, ForcedDirection.CloudToLocal));

        plan.Outcome.ShouldBe(PlanOutcome.Blocked);
        plan.Message.ShouldContain("resolving needs a write to cloud: forced direction cloud_to_local");
    }

    [Fact]
    public void Plan_DocstatusWentBackwards_IsALifecycleConflict()
    {
        var plan = Plan(Synced(Order, 1), Cloud(Order, 1), Local(Order, 0));

        plan.Outcome.ShouldBe(PlanOutcome.Conflict);
        plan.Conflict!.Strategy.ShouldBe("lifecycle");
        plan.Conflict.Reason.ShouldContain("local docstatus went back from submitted to draft");
    }

    [Fact]
    public void Plan_MergedResultRefusedBySubmittedSide_IsAConflictNamingTheRefusal()
    {
        var plan = Plan(Synced(Order, 1), Cloud(Order.With("po_no", "PO-1"), 1), Local(Order.With("terms", "changed"), 1));

        plan.Outcome.ShouldBe(PlanOutcome.Conflict);
        plan.Conflict!.Reason.ShouldContain("cloud Sales Order SAL-ORD-2026-00001 is submitted; terms may not change after submit");
    }

    [Fact]
    public void Direction_FollowsTheWriteTargets()
    {
        Plan(Synced(Order), Cloud(Order.With("po_no", "PO-1")), Local(Order)).Direction.ShouldBe("cloud_to_local");
        Plan(Synced(Order), Cloud(Order), Local(Order.With("po_no", "PO-1"))).Direction.ShouldBe("local_to_cloud");
        Plan(Synced(Order), Cloud(Order.With("po_no", "PO-1")), Local(Order.With("terms", "x"))).Direction.ShouldBe("both");
        Plan(null, Cloud(Order), Local(Order)).Direction.ShouldBe("converged");
        Plan(Synced(Order), Cloud(Order), Local(Order)).Direction.ShouldBe("none");
    }

    [Fact]
    public void For_SyncRules_TakesTheDocTypesRulesAndTheForcedDirection()
    {
        var rules = new SyncRules
        {
            ExcludeFields = ["terms"],
            ConflictResolution = ConflictStrategy.Manual,
            DocTypeRules = new Dictionary<string, DocTypeRule>
            {
                ["Sales Order"] = new() { Direction = SyncDirectionRule.CloudToLocal, ConflictResolution = ConflictStrategy.LatestTimestamp, MergeFallback = ConflictStrategy.CloudWins },
            },
        };

        var input = PairPlanInput.For(rules, ErpNextMeta.SalesOrder, ForcedDirection.LocalToCloud, null, Cloud(Order), Local(Order));

        input.Strategy.ShouldBe(ConflictStrategy.LatestTimestamp);
        input.MergeFallback.ShouldBe(ConflictStrategy.CloudWins);
        input.Flow.ShouldBe(new FlowPolicy(SyncDirectionRule.CloudToLocal, ForcedDirection.LocalToCloud));
        input.Rules.ExcludesParentField("terms").ShouldBeTrue();
        input.Label(SiteName.Local).ShouldBe("local Sales Order SO-L-9");
    }

    [Fact]
    public void Plan_NewAmendmentOnCloud_IsAnInsertThatNamesTheOriginal()
    {
        var amendment = Order.With("amended_from", "SAL-ORD-2026-00001");

        var insert = Plan(null, SideState.Present("SAL-ORD-2026-00001-1", amendment, 1), SideState.Absent()).Writes.ShouldHaveSingleItem().ShouldBeOfType<PlannedInsert>();

        insert.AmendedFrom.ShouldBe("SAL-ORD-2026-00001");
        insert.StepsAfter.ShouldBe([LifecycleStep.Submit]);
        new PlannedInsert(SiteName.Local, Order, [], "X").AmendedFrom.ShouldBeNull();
    }
}
