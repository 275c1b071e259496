namespace ErpSync.Core.State;

/// <summary>A filter over <c>sync_logs</c>, newest first.</summary>
public sealed record LogQuery
{
    /// <summary>Only rows at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only this DocType.</summary>
    public string? DocType { get; init; }

    /// <summary>Only this document (cloud or local name).</summary>
    public string? DocName { get; init; }

    /// <summary>Only this status (<c>success</c>, <c>failed</c>, …).</summary>
    public string? Status { get; init; }

    /// <summary>At most this many rows.</summary>
    public int? Limit { get; init; }
}
