namespace ErpSync.Store.Operations;

/// <summary>The statements of a reset; parameters <c>@DocType</c> and <c>@Name</c>.</summary>
internal static class ResetSql
{
    public const string InsertAudit = """
        INSERT INTO sync_logs (timestamp, doctype, docname, action, direction, status, message)
        VALUES (@Timestamp, @DocType, @DocName, 'reset', 'none', 'success', @Message)
        """;

    private const string OneDocument = "doctype = @DocType AND (cloud_name = @Name OR local_name = @Name)";

    public static string DeleteRecords(ResetScope scope) => $"DELETE FROM sync_records WHERE {RecordFilter(scope)}";

    // An open conflict blocks its pair; with the pair gone it would block nothing and only confuse. Conflicts
    // recorded without a pair are matched by DocType and names.
    public static string DeleteOpenConflicts(ResetScope scope) => (scope.DocType, scope.DocName) switch
    {
        (null, _) => "DELETE FROM conflict_records WHERE resolved = FALSE",
        (_, null) => "DELETE FROM conflict_records WHERE resolved = FALSE AND doctype = @DocType",
        _ => $"""
            DELETE FROM conflict_records WHERE resolved = FALSE AND doctype = @DocType
              AND (sync_record_id IN (SELECT id FROM sync_records WHERE {OneDocument})
                   OR cloud_name = @Name OR local_name = @Name OR docname = @Name)
            """,
    };

    // A queue row names the document as its source site calls it, so one document's rows are found through
    // both of its names, looked up before its pair is deleted.
    public static string DeleteQueue(ResetScope scope) => (scope.DocType, scope.DocName) switch
    {
        (null, _) => "DELETE FROM webhook_queue WHERE status <> 'processed'",
        (_, null) => "DELETE FROM webhook_queue WHERE status <> 'processed' AND doctype = @DocType",
        _ => $"""
            DELETE FROM webhook_queue WHERE status <> 'processed' AND doctype = @DocType
              AND (docname = @Name
                   OR (source = 'cloud' AND docname IN (SELECT cloud_name FROM sync_records WHERE {OneDocument} AND cloud_name IS NOT NULL))
                   OR (source = 'local' AND docname IN (SELECT local_name FROM sync_records WHERE {OneDocument} AND local_name IS NOT NULL)))
            """,
    };

    public static string DeleteCursors(ResetScope scope) =>
        scope.DocType is null ? "DELETE FROM sync_cursors" : "DELETE FROM sync_cursors WHERE doctype = @DocType";

    public static string AuditMessage(ResetScope scope, ResetResult result) =>
        $"sync state of {scope.Describe()} reset: {result.Pairs} pair(s), {result.OpenConflicts} open conflict(s), "
        + $"{result.Cursors} sweep cursor(s){(scope.Queue ? $", {result.QueueItems} queue item(s)" : "")} removed";

    private static string RecordFilter(ResetScope scope) => (scope.DocType, scope.DocName) switch
    {
        (null, _) => "1 = 1",
        (_, null) => "doctype = @DocType",
        _ => OneDocument,
    };
}
