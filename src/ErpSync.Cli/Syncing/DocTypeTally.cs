using ErpSync.Core.Sync;

namespace ErpSync.Cli.Syncing;

/// <summary>One DocType's line of the sync summary (JSON <c>doctypes[]</c>).</summary>
internal sealed record DocTypeTally(string DocType, int Total, int Success, int Failed, int Conflicts, int Skipped)
{
    /// <summary>The DocType's counts from the run's outcomes (accurate) and the total the progress reported.</summary>
    public static DocTypeTally From(string docType, int total, IEnumerable<SyncOutcome> outcomes)
    {
        var own = outcomes.Where(o => o.DocType == docType).ToList();
        var success = own.Count(o => o.Kind == SyncOutcomeKind.Applied);
        var failed = own.Count(o => o.Kind is SyncOutcomeKind.Failed or SyncOutcomeKind.Waiting);
        var conflicts = own.Count(o => o.Kind == SyncOutcomeKind.Conflict);
        var counted = success + failed + conflicts;
        total = Math.Max(total, counted);
        return new DocTypeTally(docType, total, success, failed, conflicts, total - counted);
    }
}
