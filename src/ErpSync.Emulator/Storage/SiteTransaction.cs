using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Storage;

/// <summary>
/// One request's unit of work: reads see the committed state overlaid with this transaction's own writes;
/// nothing reaches <see cref="SiteDatabase"/> until <see cref="Commit"/>, so a request that fails leaves no
/// trace (series counters included), as a rolled-back Frappe request. Use only while holding the gate.
/// </summary>
internal sealed class SiteTransaction(SiteDatabase db, Func<Doc, Doc>? storageForm = null)
{
    private readonly Dictionary<(string DocType, string Key), Pending> _docs = [];
    private readonly List<(string DocType, string Key)> _order = [];
    private readonly Dictionary<string, long> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly List<Action> _afterCommit = [];

    public SiteDatabase Database => db;

    public Doc? Get(string doctype, string name)
    {
        if (_docs.TryGetValue((doctype, NameKey.Of(name)), out var pending))
            return pending.Doc;
        return db.HasTable(doctype) ? db.Table(doctype).Get(name) : null;
    }

    public bool Exists(string doctype, string name) => Get(doctype, name) is not null;

    /// <summary>Every document of a DocType in storage order, with this transaction's writes applied.</summary>
    public IEnumerable<Doc> Scan(string doctype)
    {
        if (db.HasTable(doctype))
        {
            foreach (var doc in db.Table(doctype).All())
            {
                if (_docs.Count == 0)
                    yield return doc;
                else if (_docs.TryGetValue((doctype, NameKey.Of(doc.Name)), out var pending))
                {
                    if (pending.Doc is not null && !pending.IsNew)
                        yield return pending.Doc;
                }
                else
                {
                    yield return doc;
                }
            }
        }

        foreach (var key in _order)
        {
            if (key.DocType == doctype && _docs[key] is { IsNew: true, Doc: { } added })
                yield return added;
        }
    }

    /// <summary>Stages a write; what is stored is the document as the database would read it back.</summary>
    public void Put(Doc doc, string? previousName = null)
    {
        doc = storageForm?.Invoke(doc) ?? doc;
        var key = (doc.DocType, NameKey.Of(doc.Name));
        var existsCommitted = db.HasTable(doc.DocType) && db.Table(doc.DocType).Get(previousName ?? doc.Name) is not null;
        if (previousName is not null && !NameKey.Equal(previousName, doc.Name))
            Record((doc.DocType, NameKey.Of(previousName)), new Pending(null, null, false, RenamedAway: true));
        var isNew = !existsCommitted || previousName is not null;
        if (_docs.TryGetValue(key, out var earlier))
            isNew = earlier.IsNew;
        Record(key, new Pending(doc, previousName, isNew));
    }

    public void Delete(string doctype, string name) => Record((doctype, NameKey.Of(name)), new Pending(null, null, false));

    /// <summary>Documents (committed or written here) whose <paramref name="field"/> equals <paramref name="value"/> under the collation.</summary>
    public IEnumerable<Doc> FindByValue(string doctype, string field, string value)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in db.FindByValue(doctype, field, value))
        {
            if (Get(doctype, name) is { } doc && seen.Add(NameKey.Of(doc.Name)) && Matches(doc))
                yield return doc;
        }

        foreach (var key in _order)
        {
            if (key.DocType == doctype && _docs[key].Doc is { } doc && seen.Add(NameKey.Of(doc.Name)) && Matches(doc))
                yield return doc;
        }

        bool Matches(Doc doc) => doc[field] is { } v && NameKey.Equal(Python.PyConvert.Cstr(v), value);
    }

    public long GetSeries(string key) =>
        _series.TryGetValue(NameKey.Of(key), out var value) ? value : db.GetSeries(key);

    public void SetSeries(string key, long value) => _series[NameKey.Of(key)] = value;

    public long GetSequence(string doctype) =>
        _sequences.TryGetValue(doctype, out var value) ? value : db.GetSequence(doctype);

    public void SetSequence(string doctype, long value) => _sequences[doctype] = value;

    /// <summary>Where a child row lives, as committed (the transaction never moves rows before commit).</summary>
    public RowLocation? FindRow(string childDocType, string rowName) => db.FindRow(childDocType, rowName);

    /// <summary>Runs after a successful commit, outside nothing: callers must not block.</summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public void Commit()
    {
        foreach (var key in _order)
        {
            var pending = _docs[key];
            if (pending.Doc is null && !pending.RenamedAway)
                db.Remove(key.DocType, key.Key);
        }

        foreach (var key in _order)
        {
            var pending = _docs[key];
            if (pending.Doc is not null)
                db.Put(pending.Doc, pending.PreviousName);
        }

        foreach (var (k, v) in _series)
            db.SetSeries(k, v);
        foreach (var (k, v) in _sequences)
            db.SetSequence(k, v);
        foreach (var action in _afterCommit)
            action();
    }

    private void Record((string DocType, string Key) key, Pending pending)
    {
        if (!_docs.ContainsKey(key))
            _order.Add(key);
        _docs[key] = pending;
    }

    private sealed record Pending(Doc? Doc, string? PreviousName, bool IsNew, bool RenamedAway = false);
}
