namespace ErpSync.Core.Sites;

/// <summary>A list request against <c>/api/resource/{doctype}</c>.</summary>
public sealed record ListQuery(string DocType)
{
    /// <summary>Fields to return; default <c>["name"]</c> as Frappe. <c>"*"</c> means all columns.</summary>
    public IReadOnlyList<string> Fields { get; init; } = ["name"];

    /// <summary>ANDed filters, each <c>[field, operator, value]</c>.</summary>
    public IReadOnlyList<ListFilter> Filters { get; init; } = [];

    /// <summary>ORed filters, ANDed with <see cref="Filters"/>.</summary>
    public IReadOnlyList<ListFilter> OrFilters { get; init; } = [];

    /// <summary>SQL-ish order; must be total for stable paging. Default <c>modified asc, name asc</c>.</summary>
    public string OrderBy { get; init; } = "modified asc, name asc";

    /// <summary>Rows per request; the client's default page size when <c>null</c>.</summary>
    public int? PageSize { get; init; }

    /// <summary>Stop after this many rows in total; all rows when <c>null</c>.</summary>
    public int? Limit { get; init; }
}

/// <summary>One list filter: <c>[Field, Operator, Value]</c>; Value is any JSON-serialisable value.</summary>
public sealed record ListFilter(string Field, string Operator, object? Value);
