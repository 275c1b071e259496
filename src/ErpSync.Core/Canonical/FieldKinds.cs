using ErpSync.Core.Sites;

namespace ErpSync.Core.Canonical;

/// <summary>Maps Frappe field types to <see cref="FieldKind"/>.</summary>
internal static class FieldKinds
{
    /// <summary>The kind of <paramref name="field"/>; unknown (custom) field types are treated as text.</summary>
    public static FieldKind Of(FieldMeta field)
    {
        if (field.IsLayout)
            return FieldKind.Ignored;

        return field.Fieldtype switch
        {
            "Password" => FieldKind.Ignored,
            "Check" => FieldKind.Check,
            "Int" or "Long Int" => FieldKind.Integer,
            "Float" or "Currency" or "Percent" or "Rating" or "Duration" => FieldKind.Decimal,
            "Date" => FieldKind.Date,
            "Datetime" => FieldKind.Datetime,
            "Time" => FieldKind.Time,
            "Link" => FieldKind.Link,
            "Dynamic Link" => FieldKind.DynamicLink,
            "Table" or "Table MultiSelect" => FieldKind.Table,
            "JSON" or "Geolocation" => FieldKind.Json,
            _ => FieldKind.Text,
        };
    }

    /// <summary>Whether the kind holds data that belongs in the canonical form.</summary>
    public static bool IsContent(FieldKind kind) => kind != FieldKind.Ignored;
}
