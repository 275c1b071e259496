using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Dependencies;

/// <summary>
/// Finds what a document links to, from metadata: Link fields, Dynamic Links (DocType from their holder
/// field), <c>amended_from</c>, and the same inside every child-table row. Excluded fields are skipped: they
/// are never written, so they never need their target.
/// </summary>
internal static class DependencyExtractor
{
    /// <summary>Every place a name is stored in <paramref name="meta"/>'s documents, in form order.</summary>
    public static IReadOnlyList<LinkSite> LinkSites(DocTypeMeta meta, ContentRules rules)
    {
        var sites = new List<LinkSite>();
        foreach (var field in ContentFields.Parent(meta, rules))
        {
            switch (FieldKinds.Of(field))
            {
                case FieldKind.Link:
                    sites.Add(new LinkSite(field.Fieldname, field, field.Options));
                    break;
                case FieldKind.DynamicLink:
                    sites.Add(new LinkSite(field.Fieldname, field, null));
                    break;
                case FieldKind.Table:
                    foreach (var child in ContentFields.Child(meta, field, rules) ?? [])
                    {
                        var kind = FieldKinds.Of(child);
                        if (kind is FieldKind.Link or FieldKind.DynamicLink)
                            sites.Add(new LinkSite($"{field.Fieldname}.{child.Fieldname}", child, kind == FieldKind.Link ? child.Options : null));
                    }

                    break;
            }
        }

        return sites;
    }

    /// <summary>
    /// The distinct documents <paramref name="document"/> (as read from a site, names of that site) links to,
    /// sorted; the document itself is left out. An <see cref="UnmappedLink"/> marker counts as its local name.
    /// </summary>
    public static IReadOnlyList<DocRef> Extract(JsonObject document, DocTypeMeta meta, ContentRules rules)
    {
        var selfName = ValueNormalizer.Text(document["name"])?.GetValue<string>();
        var refs = new SortedSet<DocRef>();
        foreach (var field in ContentFields.Parent(meta, rules))
        {
            var kind = FieldKinds.Of(field);
            if (kind == FieldKind.Table)
            {
                var childFields = ContentFields.Child(meta, field, rules) ?? [];
                foreach (var row in ChildRowOrder.Sort(document[field.Fieldname]))
                {
                    foreach (var child in childFields)
                        AddRef(refs, child, FieldKinds.Of(child), row);
                }
            }
            else
            {
                AddRef(refs, field, kind, document);
            }
        }

        if (selfName is not null)
            refs.Remove(new DocRef(meta.Name, selfName));
        return refs.ToList();
    }

    /// <summary>
    /// The link targets of canonical content, each with the site its name belongs to: plain values are cloud names,
    /// <see cref="UnmappedLink"/> markers local names. The engine resolves these pairs before building a payload.
    /// </summary>
    public static IReadOnlyList<SitedRef> ExtractCanonical(CanonicalDocument document, DocTypeMeta meta, ContentRules rules)
    {
        var content = document.Content;
        var refs = new List<SitedRef>();
        foreach (var field in ContentFields.Parent(meta, rules))
        {
            var kind = FieldKinds.Of(field);
            if (kind == FieldKind.Table)
            {
                var childFields = ContentFields.Child(meta, field, rules) ?? [];
                foreach (var row in ChildRowOrder.Sort(content[field.Fieldname]))
                {
                    foreach (var child in childFields)
                        AddSited(refs, child, FieldKinds.Of(child), row);
                }
            }
            else
            {
                AddSited(refs, field, kind, content);
            }
        }

        return refs.Distinct().OrderBy(r => r.Ref).ThenBy(r => r.Site).ToList();
    }

    private static void AddSited(List<SitedRef> refs, FieldMeta field, FieldKind kind, JsonObject row)
    {
        var target = kind switch
        {
            FieldKind.Link => field.Options,
            FieldKind.DynamicLink => Canonicalizer.DynamicTarget(field, row),
            _ => null,
        };
        if (target is null || row[field.Fieldname] is not { } raw)
            return;
        if (UnmappedLink.TryRead(raw, out var local))
            refs.Add(new SitedRef(new DocRef(target, local), SiteName.Local));
        else if (ValueNormalizer.Text(raw)?.GetValue<string>() is { } cloud)
            refs.Add(new SitedRef(new DocRef(target, cloud), SiteName.Cloud));
    }

    private static void AddRef(SortedSet<DocRef> refs, FieldMeta field, FieldKind kind, JsonObject row)
    {
        var target = kind switch
        {
            FieldKind.Link => field.Options,
            FieldKind.DynamicLink => Canonicalizer.DynamicTarget(field, row),
            _ => null,
        };
        if (target is null)
            return;

        var raw = row[field.Fieldname];
        var name = UnmappedLink.TryRead(raw, out var local) ? local : ValueNormalizer.Text(raw)?.GetValue<string>();
        if (name is not null)
            refs.Add(new DocRef(target, name));
    }
}
