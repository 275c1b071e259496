namespace ErpSync.Core.Sites;

/// <summary>One DocField of a DocType.</summary>
public sealed record FieldMeta
{
    /// <summary>Column name.</summary>
    public required string Fieldname { get; init; }

    /// <summary>Frappe field type (<c>Data</c>, <c>Link</c>, <c>Table</c>, <c>Currency</c>, …).</summary>
    public required string Fieldtype { get; init; }

    /// <summary>Label shown to users; used in Frappe's error messages.</summary>
    public string? Label { get; init; }

    /// <summary>For Link: target DocType; Table/Table MultiSelect: child DocType; Dynamic Link: the field holding the DocType; Select: newline-separated choices.</summary>
    public string? Options { get; init; }

    /// <summary>Mandatory.</summary>
    public bool Reqd { get; init; }

    /// <summary>Unique.</summary>
    public bool Unique { get; init; }

    /// <summary>May change after submit.</summary>
    public bool AllowOnSubmit { get; init; }

    /// <summary>Read-only in the form (often computed by the server).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Not copied to amendments/duplicates.</summary>
    public bool NoCopy { get; init; }

    /// <summary>Set only on creation.</summary>
    public bool SetOnlyOnce { get; init; }

    /// <summary><c>fetch_from</c> (<c>link_field.target_field</c>): the server fills it from a linked document.</summary>
    public string? FetchFrom { get; init; }

    /// <summary>Default value, as text.</summary>
    public string? Default { get; init; }

    /// <summary>A Link field.</summary>
    public bool IsLink => Fieldtype == "Link";

    /// <summary>A Dynamic Link field.</summary>
    public bool IsDynamicLink => Fieldtype == "Dynamic Link";

    /// <summary>A child table (Table or Table MultiSelect).</summary>
    public bool IsTable => Fieldtype is "Table" or "Table MultiSelect";

    /// <summary>Layout-only field types that hold no data.</summary>
    public bool IsLayout => Fieldtype is "Section Break" or "Column Break" or "Tab Break" or "HTML" or "Heading" or "Button" or "Fold" or "Image";
}
