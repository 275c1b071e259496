using ErpSync.Core.Sites;

namespace ErpSync.Core.Canonical;

/// <summary>The fields of a DocType that carry content, as the canonical form, merge and payloads see them.</summary>
internal static class ContentFields
{
    /// <summary>
    /// Content fields of the parent DocType, in form order, without exclusions, layout fields or duplicates.
    /// A submittable DocType whose metadata lacks <c>amended_from</c> gets it as a Link to itself, because
    /// Frappe adds that field to every submittable DocType.
    /// </summary>
    public static IReadOnlyList<FieldMeta> Parent(DocTypeMeta meta, ContentRules rules)
    {
        var fields = Distinct(meta.Fields).Where(f => FieldKinds.IsContent(FieldKinds.Of(f)) && !rules.ExcludesParentField(f.Fieldname)).ToList();
        if (meta.IsSubmittable && meta.Field("amended_from") is null && !rules.ExcludesParentField("amended_from"))
            fields.Add(new FieldMeta { Fieldname = "amended_from", Fieldtype = "Link", Options = meta.Name, ReadOnly = true, NoCopy = true });
        return fields;
    }

    /// <summary>Content fields of rows in <paramref name="table"/>, or <c>null</c> when the child metadata is missing.</summary>
    public static IReadOnlyList<FieldMeta>? Child(DocTypeMeta meta, FieldMeta table, ContentRules rules)
    {
        var child = ChildMeta(meta, table);
        if (child is null)
            return null;
        return Distinct(child.Fields)
            .Where(f => FieldKinds.Of(f) is not (FieldKind.Ignored or FieldKind.Table) && !rules.ExcludesChildField(table.Fieldname, f.Fieldname))
            .ToList();
    }

    /// <summary>Metadata of the child DocType of <paramref name="table"/>, when present.</summary>
    public static DocTypeMeta? ChildMeta(DocTypeMeta meta, FieldMeta table) =>
        table.Options is not null && meta.Children.TryGetValue(table.Options, out var child) ? child : null;

    private static IEnumerable<FieldMeta> Distinct(IEnumerable<FieldMeta> fields)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (seen.Add(field.Fieldname))
                yield return field;
        }
    }
}
