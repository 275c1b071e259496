using ErpSync.Core.Canonical;
using ErpSync.Core.Configuration;
using ErpSync.Core.Conflicts;
using ErpSync.Core.Decisions;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Conflicts;

public sealed class ConflictResolverTests
{
    private static readonly CanonicalDocument Base = CanonicalDocument.Parse("""{"credit_limit":100,"phone":"1","territory":"India"}""");
    private static readonly TimeZoneInfo Kolkata = SiteTimestamp.FindZone("Asia/Kolkata");
    private static readonly TimeZoneInfo Berlin = SiteTimestamp.FindZone("Europe/Berlin");

    // Both changed credit_limit; cloud also changed phone, local also changed territory.
    private static readonly CanonicalDocument Cloud = Base.With("credit_limit", 200).With("phone", "2");
    private static readonly CanonicalDocument Local = Base.With("credit_limit", 300).With("territory", "Nepal");

    private static ConflictContext Context(ConflictStrategy strategy, ConflictStrategy fallback = ConflictStrategy.Manual, string cloudModified = "2026-11-22 10:00:00", string localModified = "2026-11-22 06:00:00") => new()
    {
        Strategy = strategy,
        MergeFallback = fallback,
        Base = Base,
        Cloud = SideState.Present("C", Cloud, modified: cloudModified),
        Local = SideState.Present("L", Local, modified: localModified),
        CloudTimeZone = Kolkata,
        LocalTimeZone = Berlin,
    };

    [Fact]
    public void ResolveContent_Manual_WritesNothingAndRecordsEverything()
    {
        var outcome = ConflictResolver.ResolveContent(Context(ConflictStrategy.Manual));

        outcome.Kind.ShouldBe(ConflictOutcomeKind.Unresolved);
        outcome.Agreed.ShouldBeNull();
        var description = outcome.Description!;
        description.Resolved.ShouldBeFalse();
        description.ConflictingFields.ShouldBe(["credit_limit"]);
        description.Reason.ShouldBe("credit_limit changed on both sides");
        description.Strategy.ShouldBe("manual");
        description.CloudData.ShouldBe(Cloud.Json);
        description.LocalData.ShouldBe(Local.Json);
        description.BaseData.ShouldBe(Base.Json);
        description.CloudModified.ShouldBe("2026-11-22 10:00:00");
    }

    [Fact]
    public void ResolveContent_OnlyServerComputedFieldsDifferOnBothSides_IsACleanMergeWithCloudsTotals()
    {
        var order = Canon.Of(Docs.SalesOrder(), ErpNextMeta.SalesOrder);
        var cloud = order.With("terms", "Net 60").With("grand_total", 60);
        var local = order.With("po_no", "PO-9").With("grand_total", 70);
        var context = new ConflictContext
        {
            Meta = ErpNextMeta.SalesOrder,
            Strategy = ConflictStrategy.Manual,
            Base = order,
            Cloud = SideState.Present("C", cloud),
            Local = SideState.Present("L", local),
        };

        var outcome = ConflictResolver.ResolveContent(context);

        outcome.Kind.ShouldBe(ConflictOutcomeKind.CleanMerge);
        outcome.Description.ShouldBeNull();
        outcome.Agreed!.Json.ShouldBe(order.With("terms", "Net 60").With("po_no", "PO-9").With("grand_total", 60).Json);
    }

    [Fact]
    public void ResolveContent_EditedAndComputedFieldsBothDiffer_RecordsOnlyTheEditedOnes()
    {
        var order = Canon.Of(Docs.SalesOrder(), ErpNextMeta.SalesOrder);
        var context = new ConflictContext
        {
            Meta = ErpNextMeta.SalesOrder,
            Strategy = ConflictStrategy.Manual,
            Base = order,
            Cloud = SideState.Present("C", order.With("terms", "Net 60").With("grand_total", 60)),
            Local = SideState.Present("L", order.With("terms", "Net 10").With("grand_total", 70)),
        };

        var outcome = ConflictResolver.ResolveContent(context);

        outcome.Kind.ShouldBe(ConflictOutcomeKind.Unresolved);
        outcome.Description!.ConflictingFields.ShouldBe(["terms"]);
        outcome.Description.Reason.ShouldBe("terms changed on both sides");
    }

    [Fact]
    public void ResolveContent_CloudWins_TakesCloudOnOverlapAndKeepsLocalsOtherEdits()
    {
        var outcome = ConflictResolver.ResolveContent(Context(ConflictStrategy.CloudWins));

        outcome.Kind.ShouldBe(ConflictOutcomeKind.AutoResolved);
        outcome.Agreed!.Json.ShouldBe("""{"credit_limit":200,"phone":"2","territory":"Nepal"}""");
        outcome.Description!.Resolution.ShouldBe("cloud_wins");
        outcome.Description.Resolved.ShouldBeTrue();
    }

    [Fact]
    public void ResolveContent_LocalWins_TakesLocalOnOverlap() =>
        ConflictResolver.ResolveContent(Context(ConflictStrategy.LocalWins)).Agreed!.Json
            .ShouldBe("""{"credit_limit":300,"phone":"2","territory":"Nepal"}""");

    [Fact]
    public void ResolveContent_LatestTimestampAcrossTimeZones_PicksTheLaterInstant()
    {
        // Cloud 10:00 Kolkata = 04:30 UTC; local 06:00 Berlin = 05:00 UTC: local is later although its string is smaller.
        var outcome = ConflictResolver.ResolveContent(Context(ConflictStrategy.LatestTimestamp));

        outcome.Description!.Resolution.ShouldBe("latest_timestamp:local");
        outcome.Agreed!["credit_limit"]!.ToJsonString().ShouldBe("300");
    }

    [Fact]
    public void ResolveContent_LatestTimestampUnreadable_IsUnresolvedWithTheReason()
    {
        var outcome = ConflictResolver.ResolveContent(Context(ConflictStrategy.LatestTimestamp, localModified: "?"));

        outcome.Kind.ShouldBe(ConflictOutcomeKind.Unresolved);
        outcome.Description!.Reason.ShouldContain("latest_timestamp cannot decide: local timestamp '?'");
    }

    [Fact]
    public void ResolveContent_MergeWithManualFallback_IsUnresolved()
    {
        var outcome = ConflictResolver.ResolveContent(Context(ConflictStrategy.Merge));

        outcome.Kind.ShouldBe(ConflictOutcomeKind.Unresolved);
        outcome.Description!.Strategy.ShouldBe("merge:manual");
    }

    [Fact]
    public void ResolveContent_MergeWithLatestTimestampFallback_ResolvesAndSaysHow()
    {
        var outcome = ConflictResolver.ResolveContent(Context(ConflictStrategy.Merge, ConflictStrategy.LatestTimestamp));

        outcome.Description!.Resolution.ShouldBe("merge:latest_timestamp:local");
        outcome.Description.Strategy.ShouldBe("merge:latest_timestamp");
    }

    [Fact]
    public void ResolveContent_NoOverlap_IsACleanMergeUnderEveryStrategy()
    {
        foreach (var strategy in Enum.GetValues<ConflictStrategy>())
        {
            var context = Context(strategy) with { Local = SideState.Present("L", Base.With("territory", "Nepal")) };

            var outcome = ConflictResolver.ResolveContent(context);

            outcome.Kind.ShouldBe(ConflictOutcomeKind.CleanMerge, strategy.ToString());
            outcome.Description.ShouldBeNull();
            outcome.Agreed!.Json.ShouldBe("""{"credit_limit":200,"phone":"2","territory":"Nepal"}""");
        }
    }

    [Fact]
    public void ResolveContent_OneWayRule_SourceWinsWholeAndTheDiscardedEditIsRecorded()
    {
        var context = Context(ConflictStrategy.Merge) with
        {
            Local = SideState.Present("L", Base.With("territory", "Nepal")),
            ReplicaSource = SiteName.Cloud,
        };

        var outcome = ConflictResolver.ResolveContent(context);

        outcome.Kind.ShouldBe(ConflictOutcomeKind.AutoResolved);
        outcome.Agreed!.Json.ShouldBe(Cloud.Json);
        outcome.Description!.Resolution.ShouldBe("cloud_wins");
        outcome.Description.Strategy.ShouldBe("direction:cloud_to_local");
        outcome.Description.ConflictingFields.ShouldBe(["territory"]);
        outcome.Description.LocalData!.ShouldContain("Nepal");
    }

    [Fact]
    public void ResolveContent_OneWayRuleWithManualStrategy_StaysManual() =>
        ConflictResolver.ResolveContent(Context(ConflictStrategy.Manual) with { ReplicaSource = SiteName.Cloud })
            .Kind.ShouldBe(ConflictOutcomeKind.Unresolved);

    [Fact]
    public void ResolveDeleteEdit_LocalWinsWhereLocalDeleted_DeletesCloudToo()
    {
        var context = Context(ConflictStrategy.LocalWins) with { Local = SideState.Absent("L", deletedAt: "2026-11-22 05:00:00") };

        var outcome = ConflictResolver.ResolveDeleteEdit(context);

        outcome.DeleteBoth.ShouldBeTrue();
        outcome.Winner.ShouldBe(SiteName.Local);
        outcome.Agreed.ShouldBeNull();
        outcome.Description!.Reason.ShouldBe("deleted on local, changed on cloud");
        outcome.Description.ConflictingFields.ShouldBe(["credit_limit", "phone"]);
        outcome.Description.LocalData.ShouldBeNull();
    }

    [Fact]
    public void ResolveDeleteEdit_CloudWinsWhereLocalDeleted_RecreatesFromCloud()
    {
        var context = Context(ConflictStrategy.CloudWins) with { Local = SideState.Absent("L") };

        var outcome = ConflictResolver.ResolveDeleteEdit(context);

        outcome.DeleteBoth.ShouldBeFalse();
        outcome.Agreed.ShouldBe(Cloud);
    }

    [Fact]
    public void ResolveDeleteEdit_LatestTimestampUsesTheDeletionTime()
    {
        // Deleted 07:00 Berlin = 06:00 UTC, after cloud's edit at 04:30 UTC: the deletion wins.
        var context = Context(ConflictStrategy.LatestTimestamp) with { Local = SideState.Absent("L", deletedAt: "2026-11-22 07:00:00") };

        ConflictResolver.ResolveDeleteEdit(context).DeleteBoth.ShouldBeTrue();
    }

    [Fact]
    public void ResolveDeleteEdit_LatestTimestampWithoutDeletionTime_IsUnresolved()
    {
        var outcome = ConflictResolver.ResolveDeleteEdit(Context(ConflictStrategy.LatestTimestamp) with { Local = SideState.Absent("L") });

        outcome.Kind.ShouldBe(ConflictOutcomeKind.Unresolved);
        outcome.Description!.Reason.ShouldContain("cannot decide");
    }

    [Fact]
    public void ResolveDeleteEdit_MergeGoesToItsFallback()
    {
        var outcome = ConflictResolver.ResolveDeleteEdit(Context(ConflictStrategy.Merge, ConflictStrategy.CloudWins) with { Local = SideState.Absent("L") });

        outcome.Description!.Resolution.ShouldBe("merge:cloud_wins");
        outcome.Agreed.ShouldBe(Cloud);
    }

    [Fact]
    public void ToRecord_ResolvedConflict_CarriesNamesAndResolutionTime()
    {
        var now = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        var description = ConflictResolver.ResolveContent(Context(ConflictStrategy.CloudWins)).Description!;

        var record = description.ToRecord("Customer", "CUST-C-1", "CUST-L-1", now);

        record.DocName.ShouldBe("CUST-C-1");
        record.Resolved.ShouldBeTrue();
        record.ResolvedAt.ShouldBe(now);
        record.Resolution.ShouldBe("cloud_wins");
        record.ConflictingFields.ShouldBe(["credit_limit"]);
    }
}
