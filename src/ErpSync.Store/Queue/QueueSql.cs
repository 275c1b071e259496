using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store.Sql;

namespace ErpSync.Store.Queue;

/// <summary>
/// <c>webhook_queue</c>. Besides <c>status</c>, the original tool's <c>processed</c>/<c>processing</c> flags
/// are kept in step (processed = done, processing = leased) and <c>retry_count</c> counts failures, so
/// old queries such as <c>WHERE processed = 0</c> still mean "not done yet".
/// </summary>
internal static class QueueSql
{
    public const string Columns =
        "id, source, doctype, docname, action, payload, status, attempts, next_attempt_at, lease_owner, lease_expires_at, error_message, created_at, processed_at";

    public const string Insert = """
        INSERT INTO webhook_queue (source, doctype, docname, action, payload, processed, processing, created_at, retry_count, status, attempts, next_attempt_at)
        VALUES (@Source, @DocType, @DocName, @Action, @Payload, FALSE, FALSE, @Now, 0, 'pending', 0, @Now)
        RETURNING id
        """;

    public const string InsertMany = """
        INSERT INTO webhook_queue (source, doctype, docname, action, payload, processed, processing, created_at, retry_count, status, attempts, next_attempt_at)
        VALUES (@Source, @DocType, @DocName, @Action, @Payload, FALSE, FALSE, @Now, 0, 'pending', 0, @Now)
        """;

    // A document whose item is under a live lease is left alone: its worker may already have read the
    // document, so a newer event must wait and be processed after it, not be folded into it.
    private const string NoLiveLeaseOnDocument = """
        NOT EXISTS (SELECT 1 FROM webhook_queue a
                    WHERE a.source = q.source AND a.doctype = q.doctype AND a.docname = q.docname
                      AND a.status = 'processing' AND a.lease_expires_at > @Now AND a.id <> q.id)
        """;

    private const string Claimable = "((q.status = 'pending' AND q.next_attempt_at <= @Now) OR (q.status = 'processing' AND q.lease_expires_at <= @Now))";

    public static string Candidates(SqlDialect dialect) => $"""
        SELECT q.id, q.source, q.doctype, q.docname FROM webhook_queue q
        WHERE q.status IN ('pending', 'processing') AND {Claimable} AND {NoLiveLeaseOnDocument}
        ORDER BY q.id
        LIMIT @Scan{dialect.SkipLocked}
        """;

    // The same test as a CASE, which no index can serve: the statements given ids must be driven by those
    // ids. With the OR form SQLite (3.50) scans every pending row through the due index (MULTI-INDEX OR) on
    // each claim — under a webhook burst that is milliseconds inside the one writer's transaction, which
    // every intake commit then waits for.
    private const string ClaimableRow = "CASE q.status WHEN 'pending' THEN q.next_attempt_at <= @Now WHEN 'processing' THEN q.lease_expires_at <= @Now ELSE FALSE END";

    public static string Claim(SqlDialect dialect) => $"""
        UPDATE webhook_queue SET status = 'processing', processing = TRUE, attempts = attempts + 1,
            lease_owner = @Owner, lease_expires_at = @Until
        WHERE id IN (SELECT q.id FROM webhook_queue q
                     WHERE q.id {dialect.InIds("Ids")} AND {ClaimableRow} AND {NoLiveLeaseOnDocument})
        RETURNING {Columns}
        """;

    // Other waiting events of the claimed documents: each claimed item re-reads its document, so they
    // are done by it. Rows another claimer has locked are skipped and simply processed later. The status
    // test is a CASE so the documents' index drives the statement (see ClaimableRow).
    public static string Coalesce(SqlDialect dialect) => $"""
        UPDATE webhook_queue SET status = 'processed', processed = TRUE, processing = FALSE, processed_at = @Now,
            lease_owner = NULL, lease_expires_at = NULL
        WHERE id IN (SELECT q.id FROM webhook_queue q
                     WHERE (q.source, q.doctype, q.docname) IN (SELECT c.source, c.doctype, c.docname FROM webhook_queue c WHERE c.id {dialect.InIds("Ids")})
                       AND NOT (q.id {dialect.InIds("Ids")})
                       AND CASE q.status WHEN 'pending' THEN TRUE WHEN 'processing' THEN q.lease_expires_at <= @Now ELSE FALSE END{dialect.SkipLocked})
        """;

    private const string Leased = "id = @Id AND status = 'processing' AND lease_owner = @Owner";

    public const string Renew = $"UPDATE webhook_queue SET lease_expires_at = @Until WHERE {Leased}";

    public const string Complete = $"""
        UPDATE webhook_queue SET status = 'processed', processed = TRUE, processing = FALSE, processed_at = @Now,
            error_message = NULL, lease_owner = NULL, lease_expires_at = NULL
        WHERE {Leased}
        """;

    public const string Retry = $"""
        UPDATE webhook_queue SET status = 'pending', processing = FALSE, error_message = @Error, retry_count = retry_count + 1,
            next_attempt_at = @RetryAt, lease_owner = NULL, lease_expires_at = NULL
        WHERE {Leased}
        """;

    public const string DeadLetter = $"""
        UPDATE webhook_queue SET status = 'dead', processing = FALSE, error_message = @Error, retry_count = retry_count + 1,
            lease_owner = NULL, lease_expires_at = NULL
        WHERE {Leased}
        """;

    public const string Release = $"""
        UPDATE webhook_queue SET status = 'pending', processing = FALSE, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END,
            lease_owner = NULL, lease_expires_at = NULL
        WHERE {Leased}
        """;

    public const string RequeueDead = """
        UPDATE webhook_queue SET status = 'pending', processed = FALSE, processing = FALSE, attempts = 0, retry_count = 0, next_attempt_at = @Now
        WHERE status = 'dead' AND (@AllDocTypes OR doctype = @DocType)
        """;

    public const string ActiveStats = """
        SELECT status, CASE WHEN attempts > 0 THEN 1 ELSE 0 END AS retried, count(*) AS n, min(created_at) AS oldest
        FROM webhook_queue WHERE status IN ('pending', 'processing')
        GROUP BY status, CASE WHEN attempts > 0 THEN 1 ELSE 0 END
        """;

    public const string CountProcessed = "SELECT count(*) FROM webhook_queue WHERE status = 'processed'";

    public const string CountDead = "SELECT count(*) FROM webhook_queue WHERE status = 'dead'";

    public const string NextPendingDue = $"""
        SELECT q.next_attempt_at FROM webhook_queue q
        WHERE q.status = 'pending' AND {NoLiveLeaseOnDocument}
        ORDER BY q.next_attempt_at LIMIT 1
        """;

    public const string NextLeaseExpiry = "SELECT lease_expires_at FROM webhook_queue WHERE status = 'processing' ORDER BY lease_expires_at LIMIT 1";

    public static QueueItem Map(RowReader row) => new()
    {
        Id = row.Long("id"),
        Source = EnumText.Parse<SiteName>(row.String("source")),
        DocType = row.String("doctype"),
        DocName = row.String("docname"),
        Action = row.String("action"),
        Payload = row.String("payload"),
        Status = EnumText.Parse<QueueStatus>(row.String("status")),
        Attempts = row.Int("attempts"),
        NextAttemptAt = row.Time("next_attempt_at"),
        LeaseOwner = row.NullableString("lease_owner"),
        LeaseExpiresAt = row.NullableTime("lease_expires_at"),
        ErrorMessage = row.NullableString("error_message"),
        CreatedAt = row.Time("created_at"),
        ProcessedAt = row.NullableTime("processed_at"),
    };
}
