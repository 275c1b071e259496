using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Dependencies;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Merging;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Changes;

/// <summary>
/// Builds request bodies from canonical content for one target site. Links are translated to the target's names;
/// system fields, <c>naming_series</c>, <c>docstatus</c> and <c>modified</c> are never sent (the compare-and-swap
/// timestamp travels separately). Child rows never carry the other site's row names — Frappe silently drops a row
/// whose name it does not know and <em>moves</em> a row whose name belongs to another document (transcripts 12, 13)
/// — but reuse the target's own row names where a row continues (matched by key, identical content, then
/// position), so row identity survives.
/// </summary>
internal static class WritePayloadBuilder
{
    /// <summary>
    /// The PUT body that turns <paramref name="current"/> (the target now, canonical; <paramref name="targetDocument"/>
    /// as read, for its row names) into <paramref name="desired"/>. Only differing fields are sent; a differing
    /// table is sent whole. <paramref name="onlyFields"/> restricts the body (e.g. <see cref="UpdateAdmission.Writable"/>).
    /// On a submitted target, continuing rows keep the target's values in fields without <c>allow_on_submit</c>.
    /// </summary>
    public static UpdatePayload BuildUpdate(
        DocTypeMeta meta,
        ContentRules rules,
        CanonicalDocument desired,
        CanonicalDocument current,
        JsonObject targetDocument,
        int targetDocstatus,
        SiteName target,
        INameMap names,
        IReadOnlyCollection<string>? onlyFields = null)
    {
        var body = new JsonObject();
        var missing = new SortedSet<DocRef>();
        var fields = new List<string>();
        foreach (var field in ContentFields.Parent(meta, rules))
        {
            var name = field.Fieldname;
            if (CanonicalJson.ValueEquals(desired[name], current[name]) || (onlyFields is not null && !onlyFields.Contains(name)))
                continue;

            fields.Add(name);
            if (FieldKinds.Of(field) != FieldKind.Table)
            {
                // An explicit null clears the field: PUT keeps keys that are absent.
                body[name] = LinkTranslator.Row(new JsonObject { [name] = desired[name] }, [field], target, names, missing)[name]?.DeepClone();
                continue;
            }

            body[name] = Table(meta, rules, field, desired[name], current[name], targetDocument[name], targetDocstatus, target, names, missing);
        }

        fields.Sort(StringComparer.Ordinal);
        return new UpdatePayload(body, fields, missing.ToList());
    }

    /// <summary>
    /// The POST body creating a draft copy of <paramref name="desired"/> on <paramref name="target"/>. With
    /// <see cref="NamingPlan.SendsNewName"/> it asks for <paramref name="sourceName"/> through <c>__newname</c>
    /// (and <c>name</c>, which UUID naming reads); otherwise the target names the copy.
    /// </summary>
    public static InsertPayload BuildInsert(DocTypeMeta meta, ContentRules rules, CanonicalDocument desired, SiteName target, INameMap names, NamingPlan naming, string? sourceName)
    {
        var body = new JsonObject();
        var missing = new SortedSet<DocRef>();
        foreach (var field in ContentFields.Parent(meta, rules))
        {
            var value = desired[field.Fieldname];
            if (value is null)
                continue;
            if (FieldKinds.Of(field) == FieldKind.Table)
            {
                var childFields = ContentFields.Child(meta, field, rules) ?? [];
                var rows = new JsonArray();
                foreach (var row in RowKeys.Rows(value))
                    rows.Add(LinkTranslator.Row(row, childFields, target, names, missing));
                body[field.Fieldname] = rows;
            }
            else
            {
                body[field.Fieldname] = LinkTranslator.Row(new JsonObject { [field.Fieldname] = value }, [field], target, names, missing)[field.Fieldname]?.DeepClone();
            }
        }

        string? requested = null;
        if (naming.SendsNewName && !string.IsNullOrEmpty(sourceName))
        {
            requested = sourceName;
            body["__newname"] = sourceName;
            body["name"] = sourceName;
        }

        return new InsertPayload(body, requested, missing.ToList());
    }

    private static JsonArray Table(
        DocTypeMeta meta,
        ContentRules rules,
        FieldMeta table,
        JsonNode? desiredValue,
        JsonNode? currentValue,
        JsonNode? targetValue,
        int targetDocstatus,
        SiteName target,
        INameMap names,
        ICollection<DocRef> missing)
    {
        var childFields = ContentFields.Child(meta, table, rules) ?? [];
        var desired = RowKeys.Rows(desiredValue);
        var current = RowKeys.Rows(currentValue);
        var targetRows = ChildRowOrder.Sort(targetValue);
        var match = RowMatcher.Match(desired, current, rules.KeyOf(table.Fieldname));
        var frozen = targetDocstatus == Docstatus.Submitted
            ? childFields.Where(f => !f.AllowOnSubmit).Select(f => f.Fieldname).ToList()
            : [];

        var rows = new JsonArray();
        for (var i = 0; i < desired.Count; i++)
        {
            var row = LinkTranslator.Row(desired[i], childFields, target, names, missing);
            var j = match[i];
            if (j >= 0 && j < current.Count)
            {
                if (frozen.Count > 0)
                {
                    var kept = LinkTranslator.Row(current[j], childFields, target, names, missing);
                    foreach (var field in frozen)
                    {
                        if (kept[field] is { } value)
                            row[field] = value.DeepClone();
                        else
                            row.Remove(field);
                    }
                }

                // The canonical rows and the target's rows are in the same (idx) order, so index j names the row.
                if (j < targetRows.Count && targetRows[j]["name"] is JsonValue rowName && rowName.GetValueKind() == JsonValueKind.String)
                    row["name"] = rowName.GetValue<string>();
            }

            rows.Add(row);
        }

        return rows;
    }
}
