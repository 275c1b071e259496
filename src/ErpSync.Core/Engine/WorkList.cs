using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>What a DocType run has to do, decided from both sites' (name, modified) lists and the store alone.</summary>
/// <param name="Items">Pairs to read and plan.</param>
/// <param name="Unchanged">Pairs whose stored <c>modified</c> strings match both sites: not fetched.</param>
/// <param name="AwaitingResolution">Pairs in an unresolved conflict that nobody changed since: reported, not fetched.</param>
/// <param name="UnknownCloud">Mapped documents on cloud no pair knows (to pair or copy).</param>
/// <param name="UnknownLocal">Mapped documents on local no pair knows.</param>
internal sealed record WorkList(
    IReadOnlyList<WorkItem> Items,
    int Unchanged,
    IReadOnlyList<SyncOutcome> AwaitingResolution,
    IReadOnlyList<string> UnknownCloud,
    IReadOnlyList<string> UnknownLocal);
