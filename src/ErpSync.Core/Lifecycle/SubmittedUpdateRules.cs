using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Changes;
using ErpSync.Core.Merging;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Lifecycle;

/// <summary>
/// Frappe's update-after-submit rules as a pure check, so a change the target would refuse becomes a conflict
/// with a clear reason instead of a write that fails on every retry. On a draft everything may change; on a
/// cancelled document nothing; on a submitted one only <c>allow_on_submit</c> fields, rows may be added or
/// removed only in <c>allow_on_submit</c> tables, and matched rows only in their <c>allow_on_submit</c> fields.
/// </summary>
internal static class SubmittedUpdateRules
{
    /// <summary>
    /// Which differences between <paramref name="current"/> (the target now) and <paramref name="desired"/> a
    /// target with <paramref name="targetDocstatus"/> accepts. <paramref name="target"/> names it in the reason,
    /// e.g. <c>local Sales Order SO-0001</c>.
    /// </summary>
    public static UpdateAdmission Admit(DocTypeMeta meta, ContentRules rules, CanonicalDocument current, CanonicalDocument desired, int targetDocstatus, string target)
    {
        var changed = current.Fields.Union(desired.Fields).Distinct()
            .Where(f => !CanonicalJson.ValueEquals(current[f], desired[f]))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (changed.Count == 0 || targetDocstatus == Docstatus.Draft)
            return new UpdateAdmission(changed, [], [], null);
        if (targetDocstatus == Docstatus.Cancelled)
            return new UpdateAdmission([], [], changed, $"{target} is cancelled and accepts no changes (differs in {string.Join(", ", changed)})");

        var fields = ContentFields.Parent(meta, rules).ToDictionary(f => f.Fieldname, StringComparer.Ordinal);
        var writable = new List<string>();
        var derived = new List<string>();
        var refused = new List<string>();
        foreach (var name in changed)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                refused.Add(name);
                continue;
            }

            if (FieldKinds.Of(field) == FieldKind.Table)
            {
                if (Table(meta, rules, field, current[name], desired[name], derived, refused))
                    writable.Add(name);
                continue;
            }

            (field.AllowOnSubmit ? writable : IsDerived(field) ? derived : refused).Add(name);
        }

        var reason = refused.Count == 0
            ? null
            : $"{target} is submitted; {string.Join(", ", refused)} may not change after submit (not allow_on_submit)";
        return new UpdateAdmission(writable, derived, refused, reason);
    }

    private static bool IsDerived(FieldMeta field) => field.ReadOnly || !string.IsNullOrEmpty(field.FetchFrom);

    private static bool Table(DocTypeMeta meta, ContentRules rules, FieldMeta table, JsonNode? currentValue, JsonNode? desiredValue, List<string> derived, List<string> refused)
    {
        var current = RowKeys.Rows(currentValue);
        var desired = RowKeys.Rows(desiredValue);
        var keyFields = rules.KeyOf(table.Fieldname);
        var match = RowMatcher.Match(desired, current, keyFields);
        var keys = keyFields is null ? null : RowKeys.Of(desired, keyFields);
        var childFields = (ContentFields.Child(meta, table, rules) ?? []).ToDictionary(f => f.Fieldname, StringComparer.Ordinal);
        var write = false;

        var matchedTargets = match.Where(j => j >= 0).Count();
        if (matchedTargets != desired.Count || matchedTargets != current.Count)
        {
            if (table.AllowOnSubmit)
                write = true;
            else
                refused.Add($"{table.Fieldname} (rows added or removed)");
        }

        for (var i = 0; i < desired.Count; i++)
        {
            if (match[i] < 0)
                continue;
            var before = current[match[i]];
            var after = desired[i];
            var label = $"{table.Fieldname}[{keys?[i] ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            foreach (var child in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Distinct().Order(StringComparer.Ordinal))
            {
                if (CanonicalJson.ValueEquals(before[child], after[child]))
                    continue;
                var path = $"{label}.{child}";
                if (!childFields.TryGetValue(child, out var field))
                    refused.Add(path);
                else if (field.AllowOnSubmit)
                    write = true;
                else if (IsDerived(field))
                    derived.Add(path);
                else
                    refused.Add(path);
            }
        }

        return write;
    }
}
