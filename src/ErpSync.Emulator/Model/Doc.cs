using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Model;

/// <summary>
/// A document or child row: column values plus child tables. Committed documents are never mutated
/// (writers commit a new instance), so readers may serialise them outside the site lock.
/// Values are string, long, double or null; dates and times are strings.
/// </summary>
internal sealed class Doc(string doctype)
{
    public string DocType { get; } = doctype;

    public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<Doc>> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>A row that arrived without a name in this request (Frappe answers <c>"__unsaved": 1</c> for it).</summary>
    public bool Unsaved { get; set; }

    public string Name
    {
        get => Values.GetValueOrDefault("name") as string ?? string.Empty;
        set => Values["name"] = value;
    }

    public object? this[string fieldname]
    {
        get => Values.GetValueOrDefault(fieldname);
        set => Values[fieldname] = value;
    }

    public int Docstatus
    {
        get => (int)PyConvert.Cint(Values.GetValueOrDefault("docstatus"));
        set => Values["docstatus"] = (long)value;
    }

    public string? GetString(string fieldname) => Values.GetValueOrDefault(fieldname) is { } v ? PyConvert.Cstr(v) : null;

    /// <summary>The rows of a child table, created empty when missing.</summary>
    public List<Doc> Table(string fieldname)
    {
        if (!Tables.TryGetValue(fieldname, out var rows))
        {
            rows = [];
            Tables[fieldname] = rows;
        }

        return rows;
    }

    public IEnumerable<Doc> AllChildren() => Tables.Values.SelectMany(rows => rows);

    public Doc Clone()
    {
        // Unsaved describes one request's input, so copies start clean.
        var copy = new Doc(DocType);
        foreach (var (k, v) in Values)
            copy.Values[k] = v;
        foreach (var (k, rows) in Tables)
            copy.Tables[k] = rows.Select(r => r.Clone()).ToList();
        return copy;
    }
}
