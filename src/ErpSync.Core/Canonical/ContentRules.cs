using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Canonical;

/// <summary>
/// What counts as content for one DocType: the configured exclusions and the child-table row keys.
/// Global <c>exclude_fields</c> apply to the parent and to every child row; a DocType's own
/// <c>exclude_fields</c> apply to its parent fields, and <c>table.field</c> entries to that table's rows.
/// </summary>
internal sealed class ContentRules
{
    private readonly HashSet<string> _global;
    private readonly HashSet<string> _parent;
    private readonly Dictionary<string, HashSet<string>> _child;

    /// <summary>Creates rules from explicit lists (tests and <see cref="For"/>).</summary>
    public ContentRules(
        IEnumerable<string>? globalExclusions = null,
        IEnumerable<string>? docTypeExclusions = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? keyFields = null)
    {
        _global = new HashSet<string>(globalExclusions ?? [], StringComparer.Ordinal);
        _parent = new HashSet<string>(StringComparer.Ordinal);
        _child = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in docTypeExclusions ?? [])
        {
            var dot = entry.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0)
            {
                _parent.Add(entry);
                continue;
            }

            var table = entry[..dot];
            if (!_child.TryGetValue(table, out var set))
                _child[table] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(entry[(dot + 1)..]);
        }

        KeyFields = keyFields ?? new Dictionary<string, IReadOnlyList<string>>();
    }

    /// <summary>No exclusions beyond the system fields, no row keys.</summary>
    public static ContentRules None { get; } = new();

    /// <summary>Row keys per Table fieldname; tables not listed are compared and merged as one value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> KeyFields { get; }

    /// <summary>The rules in force for <paramref name="docType"/> under <paramref name="rules"/>.</summary>
    public static ContentRules For(SyncRules rules, string docType)
    {
        var rule = rules.RuleFor(docType);
        return new ContentRules(rules.ExcludeFields, rule.ExcludeFields, rule.KeyFields);
    }

    /// <summary>Whether the parent field <paramref name="fieldname"/> is left out of the content.</summary>
    public bool ExcludesParentField(string fieldname) =>
        SystemFields.IsParentSystemKey(fieldname) || _global.Contains(fieldname) || _parent.Contains(fieldname);

    /// <summary>Whether field <paramref name="fieldname"/> of rows in table <paramref name="tableField"/> is left out.</summary>
    public bool ExcludesChildField(string tableField, string fieldname) =>
        SystemFields.IsChildSystemKey(fieldname) || _global.Contains(fieldname) ||
        (_child.TryGetValue(tableField, out var set) && set.Contains(fieldname));

    /// <summary>The row key of <paramref name="tableField"/>, or <c>null</c> when its rows merge as one value.</summary>
    public IReadOnlyList<string>? KeyOf(string tableField) =>
        KeyFields.TryGetValue(tableField, out var key) && key.Count > 0 ? key : null;

    /// <summary>
    /// Problems with these rules against <paramref name="meta"/>: row keys on fields that are not tables or that
    /// name fields the child DocType lacks. Empty when valid. Meant for start-up validation and <c>doctor</c>.
    /// </summary>
    public IReadOnlyList<string> Validate(DocTypeMeta meta)
    {
        var problems = new List<string>();
        foreach (var (table, keys) in KeyFields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var field = meta.Field(table);
            if (field is null || !field.IsTable)
            {
                problems.Add($"doctype_rules.{meta.Name}.key_fields: '{table}' is not a child table of {meta.Name}");
                continue;
            }

            if (field.Options is null || !meta.Children.TryGetValue(field.Options, out var child))
                continue;
            foreach (var key in keys.Where(k => child.Field(k) is null))
                problems.Add($"doctype_rules.{meta.Name}.key_fields.{table}: '{key}' is not a field of {child.Name}");
        }

        return problems;
    }
}
