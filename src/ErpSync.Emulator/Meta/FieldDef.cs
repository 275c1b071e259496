namespace ErpSync.Emulator.Meta;

/// <summary>One compiled DocField of a DocType.</summary>
internal sealed record FieldDef
{
    public required string Fieldname { get; init; }

    public required string Fieldtype { get; init; }

    public string? Label { get; init; }

    public string? Options { get; init; }

    public bool Reqd { get; init; }

    public bool Unique { get; init; }

    public bool AllowOnSubmit { get; init; }

    public bool ReadOnly { get; init; }

    public bool NoCopy { get; init; }

    public bool SetOnlyOnce { get; init; }

    public bool NonNegative { get; init; }

    public string? FetchFrom { get; init; }

    public bool FetchIfEmpty { get; init; }

    public string? Default { get; init; }

    public int Length { get; init; }

    public bool IsVirtual { get; init; }

    public required FieldKind Kind { get; init; }

    /// <summary>Label as Frappe prints it in messages (the fieldname when no label is set).</summary>
    public string DisplayLabel => string.IsNullOrEmpty(Label) ? Fieldname : Label;

    public bool IsLink => Fieldtype == "Link";

    public bool IsDynamicLink => Fieldtype == "Dynamic Link";

    public bool IsTable => Kind == FieldKind.Table;

    public bool IsSelect => Fieldtype == "Select";

    public bool IsPassword => Fieldtype == "Password";

    /// <summary>varchar-backed types whose length Frappe checks (140 unless <c>length</c> says otherwise).</summary>
    public bool HasLengthLimit => Fieldtype is "Data" or "Link" or "Dynamic Link" or "Select" or "Password" or "Read Only" or "Attach" or "Attach Image" or "Color" or "Phone" or "Autocomplete";

    public int MaxLength => Length > 0 ? Length : 140;
}
