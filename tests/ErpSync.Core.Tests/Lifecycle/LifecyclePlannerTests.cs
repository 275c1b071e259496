using ErpSync.Core.Lifecycle;

namespace ErpSync.Core.Tests.Lifecycle;

public sealed class LifecyclePlannerTests
{
    [Theory]
    [InlineData(0, 0, "")]
    [InlineData(0, 1, "Submit")]
    [InlineData(0, 2, "Submit,Cancel")]
    [InlineData(1, 2, "Cancel")]
    [InlineData(1, 1, "")]
    [InlineData(2, 2, "")]
    public void Transition_ForwardMoves_AreStepByStep(int from, int to, string steps)
    {
        var plan = LifecyclePlanner.Transition(from, to);

        plan.IsPossible.ShouldBeTrue();
        string.Join(",", plan.Steps).ShouldBe(steps);
    }

    [Theory]
    [InlineData(1, 0, "a submitted document cannot return to draft")]
    [InlineData(2, 0, "a cancelled document cannot change")]
    [InlineData(2, 1, "a cancelled document cannot change")]
    public void Transition_BackwardMoves_AreImpossibleWithAReason(int from, int to, string error)
    {
        var plan = LifecyclePlanner.Transition(from, to);

        plan.IsPossible.ShouldBeFalse();
        plan.Steps.ShouldBeEmpty();
        plan.Error.ShouldBe(error);
    }

    [Fact]
    public void AfterInsert_SubmittedSource_InsertsDraftThenSubmits() =>
        LifecyclePlanner.AfterInsert(Docstatus.Submitted).ShouldBe([LifecycleStep.Submit]);

    [Fact]
    public void AfterInsert_CancelledSource_SubmitsThenCancels() =>
        LifecyclePlanner.AfterInsert(Docstatus.Cancelled).ShouldBe([LifecycleStep.Submit, LifecycleStep.Cancel]);

    [Fact]
    public void BeforeDelete_SubmittedTarget_IsCancelledFirst() =>
        LifecyclePlanner.BeforeDelete(Docstatus.Submitted).ShouldBe([LifecycleStep.Cancel]);

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void BeforeDelete_DraftOrCancelled_NeedsNothing(int docstatus) =>
        LifecyclePlanner.BeforeDelete(docstatus).ShouldBeEmpty();
}
