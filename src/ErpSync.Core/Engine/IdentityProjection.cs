using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Engine;

/// <summary>
/// What makes two documents "the same document" when deciding whether an existing, unpaired document is the copy
/// of another: the canonical content without the fields a server computes or fetches (read-only and
/// <c>fetch_from</c> fields such as totals, amounts, status, customer_name). A site that recomputes totals or fills
/// defaults differently therefore still recognises its copy; <c>amended_from</c> stays, as it is part of identity.
/// </summary>
internal static class IdentityProjection
{
    /// <summary>The hash of <paramref name="document"/>'s identifying content.</summary>
    public static string Hash(CanonicalDocument document, DocTypeMeta meta, ContentRules rules)
    {
        var content = document.Content;
        foreach (var field in ContentFields.Parent(meta, rules))
        {
            if (FieldKinds.Of(field) == FieldKind.Table)
            {
                var derived = (ContentFields.Child(meta, field, rules) ?? []).Where(IsDerived).Select(f => f.Fieldname).ToList();
                if (derived.Count > 0 && content[field.Fieldname] is JsonArray rows)
                {
                    foreach (var row in rows.OfType<JsonObject>())
                        derived.ForEach(name => row.Remove(name));
                }
            }
            else if (IsDerived(field) && field.Fieldname != "amended_from")
            {
                content.Remove(field.Fieldname);
            }
        }

        return CanonicalDocument.FromContent(content).Hash;
    }

    private static bool IsDerived(FieldMeta field) => field.ReadOnly || !string.IsNullOrEmpty(field.FetchFrom);
}
