using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Storage;

/// <summary>
/// The rows of one DocType, keyed by collated name and kept in insertion order, which is the order the
/// emulator returns lists in when no <c>order_by</c> is given (real Frappe promises no order then).
/// Slots of deleted rows are reused only after a compaction, so order stays stable.
/// </summary>
internal sealed class DocTable
{
    private readonly Dictionary<string, int> _slotByKey = new(StringComparer.Ordinal);
    private readonly List<Doc?> _slots = [];
    private int _holes;

    public int Count => _slotByKey.Count;

    public Doc? Get(string name) =>
        _slotByKey.TryGetValue(NameKey.Of(name), out var slot) ? _slots[slot] : null;

    public IEnumerable<Doc> All()
    {
        // Index loop, not foreach: readers hold the site lock, and writers only run under it too.
        for (var i = 0; i < _slots.Count; i++)
        {
            if (_slots[i] is { } doc)
                yield return doc;
        }
    }

    /// <summary>Inserts or replaces; a replaced row keeps its position, <paramref name="previousName"/> covers renames.</summary>
    public void Put(Doc doc, string? previousName = null)
    {
        var key = NameKey.Of(doc.Name);
        if (previousName is not null && _slotByKey.Remove(NameKey.Of(previousName), out var renamed))
        {
            _slotByKey[key] = renamed;
            _slots[renamed] = doc;
            return;
        }

        if (_slotByKey.TryGetValue(key, out var slot))
        {
            _slots[slot] = doc;
            return;
        }

        _slotByKey[key] = _slots.Count;
        _slots.Add(doc);
    }

    public bool Remove(string name)
    {
        if (!_slotByKey.Remove(NameKey.Of(name), out var slot))
            return false;
        _slots[slot] = null;
        if (++_holes > 1024 && _holes > _slotByKey.Count)
            Compact();
        return true;
    }

    private void Compact()
    {
        var live = _slots.Where(d => d is not null).ToList();
        _slots.Clear();
        _slotByKey.Clear();
        _holes = 0;
        foreach (var doc in live)
        {
            _slotByKey[NameKey.Of(doc!.Name)] = _slots.Count;
            _slots.Add(doc);
        }
    }
}
