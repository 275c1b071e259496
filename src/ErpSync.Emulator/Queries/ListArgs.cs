namespace ErpSync.Emulator.Queries;

/// <summary>Arguments of <c>frappe.client.get_list</c> / <c>GET /api/resource/{doctype}</c>, already decoded.</summary>
internal sealed record ListArgs
{
    public object? Fields { get; init; }

    public object? Filters { get; init; }

    public object? OrFilters { get; init; }

    public string? OrderBy { get; init; }

    public long LimitStart { get; init; }

    /// <summary>Rows per page; 0 means all rows.</summary>
    public long PageLength { get; init; } = 20;

    public bool AsDict { get; init; } = true;

    /// <summary>For child DocTypes: restrict to rows of this parent DocType.</summary>
    public string? Parent { get; init; }
}
