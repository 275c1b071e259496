using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Storage;

/// <summary>
/// The site's committed state: one <see cref="DocTable"/> per DocType, naming-series counters
/// (<c>tabSeries</c>), autoincrement sequences and an index of child-row names. Guarded by <see cref="Gate"/>:
/// every read and write happens under it, through a <see cref="SiteTransaction"/> for writes.
/// </summary>
internal sealed class SiteDatabase
{
    private readonly Dictionary<string, DocTable> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, RowLocation>> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string DocType, string Key, string Field), string> _passwords = [];
    private readonly Dictionary<(string DocType, string Field), Dictionary<string, HashSet<string>>> _valueIndexes = [];

    public object Gate { get; } = new();

    public DocTable Table(string doctype)
    {
        if (!_tables.TryGetValue(doctype, out var table))
        {
            table = new DocTable();
            _tables[doctype] = table;
        }

        return table;
    }

    public bool HasTable(string doctype) => _tables.ContainsKey(doctype);

    public void DropTable(string doctype)
    {
        _tables.Remove(doctype);
        foreach (var key in _valueIndexes.Keys.Where(k => k.DocType == doctype).ToList())
            _valueIndexes.Remove(key);
    }

    public long GetSeries(string key) => _series.GetValueOrDefault(NameKey.Of(key));

    public bool HasSeries(string key) => _series.ContainsKey(NameKey.Of(key));

    public void SetSeries(string key, long value) => _series[NameKey.Of(key)] = value;

    public long GetSequence(string doctype) => _sequences.GetValueOrDefault(doctype);

    public void SetSequence(string doctype, long value) => _sequences[doctype] = value;

    /// <summary>The clear text of a Password field (Frappe's <c>__Auth</c> table).</summary>
    public string? GetPassword(string doctype, string name, string field) =>
        _passwords.GetValueOrDefault((doctype, NameKey.Of(name), field));

    public void SetPassword(string doctype, string name, string field, string? value)
    {
        if (value is null)
            _passwords.Remove((doctype, NameKey.Of(name), field));
        else
            _passwords[(doctype, NameKey.Of(name), field)] = value;
    }

    public void RenamePasswords(string doctype, string oldName, string newName)
    {
        foreach (var key in _passwords.Keys.Where(k => k.DocType == doctype && k.Key == NameKey.Of(oldName)).ToList())
        {
            _passwords[(doctype, NameKey.Of(newName), key.Field)] = _passwords[key];
            _passwords.Remove(key);
        }
    }

    public RowLocation? FindRow(string childDocType, string rowName) =>
        _rows.TryGetValue(childDocType, out var index) ? index.GetValueOrDefault(NameKey.Of(rowName)) : null;

    /// <summary>Stores a parent document and re-indexes its child rows.</summary>
    public void Put(Doc doc, string? previousName = null)
    {
        var table = Table(doc.DocType);
        var old = table.Get(previousName ?? doc.Name);
        if (old is not null)
            Unindex(old);
        table.Put(doc, previousName);
        Index(doc);
    }

    public void Remove(string doctype, string name)
    {
        var table = Table(doctype);
        var old = table.Get(name);
        if (old is null)
            return;
        Unindex(old);
        table.Remove(name);
    }

    /// <summary>
    /// Names of committed documents whose <paramref name="field"/> equals <paramref name="value"/> under the
    /// collation — what a unique index answers. The index is built on first use and kept up to date after.
    /// </summary>
    public IReadOnlyCollection<string> FindByValue(string doctype, string field, string value)
    {
        if (!_valueIndexes.TryGetValue((doctype, field), out var index))
        {
            index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            _valueIndexes[(doctype, field)] = index;
            if (HasTable(doctype))
            {
                foreach (var doc in Table(doctype).All())
                    AddValue(index, doc, field);
            }
        }

        return index.TryGetValue(NameKey.Of(value), out var names) ? names : [];
    }

    private static void AddValue(Dictionary<string, HashSet<string>> index, Doc doc, string field)
    {
        if (doc[field] is not { } value)
            return;
        var key = NameKey.Of(Python.PyConvert.Cstr(value));
        if (!index.TryGetValue(key, out var names))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            index[key] = names;
        }

        names.Add(doc.Name);
    }

    private void IndexValues(Doc doc, bool add)
    {
        foreach (var ((doctype, field), index) in _valueIndexes)
        {
            if (doctype != doc.DocType)
                continue;
            if (add)
            {
                AddValue(index, doc, field);
            }
            else if (doc[field] is { } value && index.TryGetValue(NameKey.Of(Python.PyConvert.Cstr(value)), out var names))
            {
                names.Remove(doc.Name);
            }
        }
    }

    private void Index(Doc doc)
    {
        IndexValues(doc, add: true);
        foreach (var (field, rows) in doc.Tables)
        {
            foreach (var row in rows)
            {
                if (!_rows.TryGetValue(row.DocType, out var index))
                {
                    index = new Dictionary<string, RowLocation>(StringComparer.Ordinal);
                    _rows[row.DocType] = index;
                }

                index[NameKey.Of(row.Name)] = new RowLocation(doc.DocType, doc.Name, field);
            }
        }
    }

    private void Unindex(Doc doc)
    {
        IndexValues(doc, add: false);
        foreach (var row in doc.AllChildren())
        {
            if (_rows.TryGetValue(row.DocType, out var index)
                && index.TryGetValue(NameKey.Of(row.Name), out var at)
                && at.ParentDocType == doc.DocType
                && NameKey.Equal(at.ParentName, doc.Name))
            {
                index.Remove(NameKey.Of(row.Name));
            }
        }
    }
}
