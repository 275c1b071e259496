namespace ErpSync.Core.State;

/// <summary>One append-only audit row (<c>sync_logs</c>).</summary>
public sealed record SyncLogEntry
{
    /// <summary>Row id; 0 until saved.</summary>
    public long Id { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>DocType.</summary>
    public required string DocType { get; init; }

    /// <summary>Display name (<c>docname</c>): cloud name when known.</summary>
    public required string DocName { get; init; }

    /// <summary>Name on the cloud site, when known.</summary>
    public string? CloudName { get; init; }

    /// <summary>Name on the local site, when known.</summary>
    public string? LocalName { get; init; }

    /// <summary><c>create</c>, <c>update</c>, <c>delete</c>, <c>submit</c>, <c>cancel</c>, <c>amend</c>, <c>conflict</c>, <c>resolve</c>, <c>skip</c>, <c>error</c>.</summary>
    public required string Action { get; init; }

    /// <summary><c>cloud_to_local</c>, <c>local_to_cloud</c>, <c>both</c> or <c>none</c>.</summary>
    public required string Direction { get; init; }

    /// <summary><c>success</c>, <c>failed</c>, <c>conflict</c>, <c>skipped</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Human-readable detail.</summary>
    public string? Message { get; init; }

    /// <summary>The field diff that was applied, as JSON.</summary>
    public string? ChangesJson { get; init; }
}
