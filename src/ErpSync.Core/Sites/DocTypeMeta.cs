namespace ErpSync.Core.Sites;

/// <summary>The parts of a DocType's merged metadata the sync needs.</summary>
public sealed record DocTypeMeta
{
    /// <summary>DocType name, e.g. <c>Sales Order</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Raw <c>autoname</c> (<c>field:customer_name</c>, <c>naming_series:</c>, <c>hash</c>, <c>Prompt</c>, <c>autoincrement</c>, <c>format:…</c>, an expression, or empty).</summary>
    public string? Autoname { get; init; }

    /// <summary><c>is_submittable</c>.</summary>
    public bool IsSubmittable { get; init; }

    /// <summary><c>istable</c>: a child DocType.</summary>
    public bool IsTable { get; init; }

    /// <summary><c>issingle</c>.</summary>
    public bool IsSingle { get; init; }

    /// <summary>Data fields in form order (standard columns such as name/owner/modified are not listed, as in Frappe).</summary>
    public IReadOnlyList<FieldMeta> Fields { get; init; } = [];

    /// <summary>Metadata of the child DocTypes named by this DocType's Table fields, keyed by child DocType name.</summary>
    public IReadOnlyDictionary<string, DocTypeMeta> Children { get; init; } = new Dictionary<string, DocTypeMeta>();

    /// <summary>The field called <paramref name="fieldname"/>, or <c>null</c>.</summary>
    public FieldMeta? Field(string fieldname)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Fieldname, fieldname, StringComparison.Ordinal))
                return field;
        }

        return null;
    }

    /// <summary>Link fields (fieldname → target DocType) on this DocType itself.</summary>
    public IEnumerable<FieldMeta> LinkFields => Fields.Where(f => f.IsLink);

    /// <summary>Table fields (fieldname → child DocType).</summary>
    public IEnumerable<FieldMeta> TableFields => Fields.Where(f => f.IsTable);
}
