namespace ErpSync.Emulator.Meta;

/// <summary>Maps Frappe fieldtypes to how the emulator stores them.</summary>
internal static class FieldTypes
{
    public static FieldKind KindOf(string fieldtype) => fieldtype switch
    {
        "Int" or "Duration" => FieldKind.Int,
        "Check" => FieldKind.Check,
        "Float" or "Currency" or "Percent" or "Rating" => FieldKind.Float,
        "Date" => FieldKind.Date,
        "Datetime" => FieldKind.Datetime,
        "Time" => FieldKind.Time,
        "Table" or "Table MultiSelect" => FieldKind.Table,
        "Section Break" or "Column Break" or "Tab Break" or "HTML" or "Heading" or "Button" or "Fold" or "Image" => FieldKind.Layout,
        _ => FieldKind.Text,
    };

    /// <summary>Columns every non-single document has, in Frappe's output order.</summary>
    public static readonly string[] StandardFields = ["name", "owner", "creation", "modified", "modified_by", "docstatus", "idx"];

    /// <summary>Extra columns of child rows.</summary>
    public static readonly string[] ChildFields = ["parent", "parentfield", "parenttype"];

    public static bool IsStandard(string fieldname) =>
        Array.IndexOf(StandardFields, fieldname) >= 0 || Array.IndexOf(ChildFields, fieldname) >= 0;

    /// <summary>The kind of a standard column (for filters and sorting).</summary>
    public static FieldKind StandardKind(string fieldname) => fieldname switch
    {
        "creation" or "modified" => FieldKind.Datetime,
        "docstatus" or "idx" => FieldKind.Int,
        _ => FieldKind.Text,
    };
}
