using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ErpSync.Core.Sites;

namespace ErpSync.Frappe.Errors;

/// <summary>
/// Reads the missing Link targets out of a LinkValidationError message:
/// <c>Could not find Customer: X</c>, <c>Could not find Row #1: Item Code: Y</c>, several joined by <c>", "</c>.
/// Frappe prints field <em>labels</em>; <see cref="Resolve"/> turns them into target DocTypes through metadata.
/// </summary>
internal static partial class LinkErrorParser
{
    private const string Prefix = "Could not find ";

    /// <summary>Parsed entries; <see cref="MissingLink.DocType"/> holds the label until resolved.</summary>
    public static IReadOnlyList<MissingLink> Parse(string? message, IReadOnlyCollection<string>? knownLabels = null)
    {
        if (string.IsNullOrWhiteSpace(message))
            return [];
        var start = message.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
            return [];
        var rest = message[(start + Prefix.Length)..].Trim();

        // With labels known, an entry boundary is ", " followed by a known label (or Row #n: label); that keeps
        // names containing ", " intact. Without them, any ", <text>: " counts as a boundary.
        var boundary = knownLabels is { Count: > 0 }
            ? new Regex(", (?=(?:Row #\\d+: )?(?:" + string.Join('|', knownLabels.OrderByDescending(l => l.Length).Select(Regex.Escape)) + "): )", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : GenericBoundary();
        var result = new List<MissingLink>();
        foreach (var part in boundary.Split(rest))
        {
            var entry = part.Trim();
            if (entry.Length == 0)
                continue;
            int? row = null;
            var rowMatch = RowPrefix().Match(entry);
            if (rowMatch.Success)
            {
                row = int.Parse(rowMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                entry = entry[rowMatch.Length..];
            }

            var label = knownLabels?.Where(l => entry.StartsWith(l + ": ", StringComparison.Ordinal)).OrderByDescending(l => l.Length).FirstOrDefault();
            string value;
            if (label is not null)
                value = entry[(label.Length + 2)..];
            else
            {
                var colon = entry.IndexOf(": ", StringComparison.Ordinal);
                if (colon < 0)
                    continue;
                label = entry[..colon];
                value = entry[(colon + 2)..];
            }

            result.Add(new MissingLink(label.Trim(), value.Trim(), null, row));
        }

        return result;
    }

    /// <summary>Every field label that could appear: the DocType's own and its child tables'.</summary>
    public static IReadOnlyCollection<string> LabelsOf(DocTypeMeta meta)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in meta.Fields.Concat(meta.Children.Values.SelectMany(c => c.Fields)))
        {
            if (!string.IsNullOrWhiteSpace(field.Label) && (field.IsLink || field.IsDynamicLink))
                labels.Add(field.Label);
        }

        return labels;
    }

    /// <summary>
    /// Replaces labels with target DocTypes and fills in the fieldname, using <paramref name="document"/> (what was
    /// sent) to pick the right child table and to read Dynamic Link targets. Unresolvable entries stay as parsed.
    /// </summary>
    public static IReadOnlyList<MissingLink> Resolve(IReadOnlyList<MissingLink> links, DocTypeMeta meta, JsonObject? document)
    {
        var resolved = new List<MissingLink>(links.Count);
        foreach (var link in links)
            resolved.Add(link.RowIndex is null ? ResolveParent(link, meta, document) : ResolveChild(link, meta, document));
        return resolved;
    }

    private static MissingLink ResolveParent(MissingLink link, DocTypeMeta meta, JsonObject? document)
    {
        var candidates = meta.Fields.Where(f => (f.IsLink || f.IsDynamicLink) && f.Label == link.DocType).ToList();
        var field = candidates.FirstOrDefault(f => ValueOf(document, f.Fieldname) == link.Name) ?? candidates.FirstOrDefault();
        return field is null ? link : Target(link, field, document);
    }

    private static MissingLink ResolveChild(MissingLink link, DocTypeMeta meta, JsonObject? document)
    {
        MissingLink? fallback = null;
        foreach (var table in meta.TableFields)
        {
            if (table.Options is null || !meta.Children.TryGetValue(table.Options, out var child))
                continue;
            foreach (var field in child.Fields.Where(f => (f.IsLink || f.IsDynamicLink) && f.Label == link.DocType))
            {
                var row = RowOf(document, table.Fieldname, link.RowIndex!.Value);
                if (row is not null && ValueOf(row, field.Fieldname) == link.Name)
                    return Target(link, field, row);
                fallback ??= Target(link, field, row);
            }
        }

        return fallback ?? link;
    }

    private static MissingLink Target(MissingLink link, FieldMeta field, JsonObject? holder)
    {
        var doctype = field.IsDynamicLink ? ValueOf(holder, field.Options ?? string.Empty) : field.Options;
        return link with { DocType = string.IsNullOrEmpty(doctype) ? link.DocType : doctype, Fieldname = field.Fieldname };
    }

    private static JsonObject? RowOf(JsonObject? document, string tableField, int rowIndex)
    {
        if (document?[tableField] is not JsonArray rows)
            return null;
        foreach (var row in rows.OfType<JsonObject>())
        {
            if (row["idx"] is JsonValue idx && idx.TryGetValue<int>(out var n) && n == rowIndex)
                return row;
        }

        return rowIndex >= 1 && rowIndex <= rows.Count ? rows[rowIndex - 1] as JsonObject : null;
    }

    private static string? ValueOf(JsonObject? holder, string fieldname) =>
        holder?[fieldname] is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim() : null;

    [GeneratedRegex(@", (?=(?:Row #\d+: )?[^:,]{1,140}: )", RegexOptions.CultureInvariant)]
    private static partial Regex GenericBoundary();

    [GeneratedRegex(@"^Row #(\d+): ", RegexOptions.CultureInvariant)]
    private static partial Regex RowPrefix();
}
