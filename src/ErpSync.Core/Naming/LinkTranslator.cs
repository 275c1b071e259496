using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Dependencies;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Naming;

/// <summary>
/// Translates Link values of canonical content (cloud names, plus <see cref="UnmappedLink"/> markers holding local
/// names) into the names of a target site. A name with no counterpart on the target is reported as missing and
/// left as it was, so the caller syncs that dependency (or parks the item) before writing.
/// </summary>
internal static class LinkTranslator
{
    /// <summary>
    /// The value of a link to <paramref name="docType"/> as <paramref name="target"/> knows it.
    /// <paramref name="missing"/> is set (to the name as the other site knows it) when there is no counterpart.
    /// </summary>
    public static JsonNode? ToSite(string? docType, JsonNode? value, SiteName target, INameMap names, out DocRef? missing)
    {
        missing = null;
        if (value is null)
            return null;

        if (UnmappedLink.TryRead(value, out var localName))
        {
            if (target == SiteName.Local)
                return JsonValue.Create(localName);
            if (docType is not null && names.Translate(docType, localName, SiteName.Local) is { } cloudName)
                return JsonValue.Create(cloudName);
            missing = new DocRef(docType ?? "?", localName);
            return JsonValue.Create(localName);
        }

        if (target == SiteName.Cloud || docType is null || ValueNormalizer.Text(value) is not { } text)
            return value.DeepClone();

        var name = text.GetValue<string>();
        if (names.Translate(docType, name, SiteName.Cloud) is { } local)
            return JsonValue.Create(local);
        missing = new DocRef(docType, name);
        return JsonValue.Create(name);
    }

    /// <summary>
    /// A copy of canonical <paramref name="row"/> (a parent or child row) with its Link and Dynamic Link values
    /// in <paramref name="target"/>'s names; missing counterparts are added to <paramref name="missing"/>.
    /// </summary>
    public static JsonObject Row(JsonObject row, IEnumerable<FieldMeta> fields, SiteName target, INameMap names, ICollection<DocRef> missing)
    {
        var result = (JsonObject)row.DeepClone();
        foreach (var field in fields)
        {
            var kind = FieldKinds.Of(field);
            if (kind is not (FieldKind.Link or FieldKind.DynamicLink) || row[field.Fieldname] is null)
                continue;
            var docType = kind == FieldKind.Link ? field.Options : Canonicalizer.DynamicTarget(field, row);
            result[field.Fieldname] = ToSite(docType, row[field.Fieldname], target, names, out var gap);
            if (gap is not null)
                missing.Add(gap);
        }

        return result;
    }
}
