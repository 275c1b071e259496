using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Canonical;

/// <summary>
/// Turns a document as a site returns it into its <see cref="CanonicalDocument"/>. Only fields declared in the
/// metadata are content (plus <c>amended_from</c> on submittable DocTypes); keys the metadata does not know —
/// response extras, columns of a newer schema — are ignored, so schema drift shows up in <c>doctor</c>, not as
/// a perpetual difference. Missing, <c>null</c> and (for text) <c>""</c> are one value; see
/// <see cref="FieldKind"/> for each type's rule. Read-only and computed fields (totals) are content: the pair
/// agrees only when they agree.
/// </summary>
internal static class Canonicalizer
{
    /// <summary>
    /// The canonical form of <paramref name="document"/> read from <paramref name="source"/>. Link and Dynamic
    /// Link values of a local document are translated to cloud names through <paramref name="names"/>; a local
    /// link without a known counterpart becomes an <see cref="UnmappedLink"/> marker.
    /// </summary>
    public static CanonicalDocument Canonicalize(JsonObject document, DocTypeMeta meta, ContentRules rules, SiteName source, INameMap names)
    {
        var content = new JsonObject();
        foreach (var field in ContentFields.Parent(meta, rules))
        {
            var kind = FieldKinds.Of(field);
            if (kind == FieldKind.Table)
            {
                content[field.Fieldname] = Rows(document[field.Fieldname], meta, field, rules, source, names);
                continue;
            }

            var value = Value(field, kind, document, source, names);
            if (value is not null)
                content[field.Fieldname] = value;
        }

        return CanonicalDocument.FromContent(content);
    }

    /// <summary>
    /// The canonical value of one field of <paramref name="row"/> (a parent document or a child row), with Links
    /// translated when <paramref name="source"/> is local.
    /// </summary>
    public static JsonNode? Value(FieldMeta field, FieldKind kind, JsonObject row, SiteName source, INameMap names)
    {
        var raw = row[field.Fieldname];
        return kind switch
        {
            FieldKind.Link => Link(field.Options, raw, source, names),
            FieldKind.DynamicLink => Link(DynamicTarget(field, row), raw, source, names),
            _ => ValueNormalizer.Normalize(kind, raw),
        };
    }

    /// <summary>The DocType a Dynamic Link points to: the value of the field its <c>options</c> names.</summary>
    public static string? DynamicTarget(FieldMeta field, JsonObject row) =>
        field.Options is { } holder && row[holder] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } docType
            ? docType
            : null;

    private static JsonArray Rows(JsonNode? table, DocTypeMeta meta, FieldMeta tableField, ContentRules rules, SiteName source, INameMap names)
    {
        var childFields = ContentFields.Child(meta, tableField, rules);
        var result = new JsonArray();
        foreach (var row in ChildRowOrder.Sort(table))
        {
            var canonical = new JsonObject();
            if (childFields is null)
            {
                // Without child metadata nothing says which values are links or numbers: keep every non-identity key.
                foreach (var (key, value) in row.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (rules.ExcludesChildField(tableField.Fieldname, key))
                        continue;
                    if (ValueNormalizer.Generic(value) is { } normalized)
                        canonical[key] = normalized;
                }
            }
            else
            {
                foreach (var field in childFields)
                {
                    if (Value(field, FieldKinds.Of(field), row, source, names) is { } normalized)
                        canonical[field.Fieldname] = normalized;
                }
            }

            result.Add(canonical);
        }

        return result;
    }

    private static JsonNode? Link(string? targetDocType, JsonNode? raw, SiteName source, INameMap names)
    {
        string? name;
        if (UnmappedLink.TryRead(raw, out var markedLocal))
        {
            if (source == SiteName.Cloud)
                return UnmappedLink.Create(markedLocal); // already canonical
            name = markedLocal;
        }
        else
        {
            name = ValueNormalizer.Text(raw)?.GetValue<string>();
        }

        if (name is null)
            return null;
        if (source == SiteName.Cloud || targetDocType is null)
            return JsonValue.Create(name);

        return names.Translate(targetDocType, name, SiteName.Local) is { } cloudName
            ? JsonValue.Create(cloudName)
            : UnmappedLink.Create(name);
    }
}
