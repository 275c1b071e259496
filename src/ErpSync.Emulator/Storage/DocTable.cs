using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Storage;

/// <summary>
/// The rows of one DocType, keyed by collated name and kept in insertion order, which is the order the
/// emulator returns lists in when no <c>order_by</c> is given (real Frappe promises no order then).
/// </summary>
internal sealed class DocTable
{
    private readonly Dictionary<string, long> _seqByKey = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, Doc> _bySeq = [];
    private long _nextSeq;

    public int Count => _bySeq.Count;

    public Doc? Get(string name) =>
        _seqByKey.TryGetValue(NameKey.Of(name), out var seq) ? _bySeq[seq] : null;

    public IEnumerable<Doc> All() => _bySeq.Values;

    /// <summary>Inserts or replaces; a replaced row keeps its position, <paramref name="previousName"/> covers renames.</summary>
    public void Put(Doc doc, string? previousName = null)
    {
        var key = NameKey.Of(doc.Name);
        long seq;
        if (previousName is not null && _seqByKey.Remove(NameKey.Of(previousName), out var oldSeq))
            seq = oldSeq;
        else if (!_seqByKey.TryGetValue(key, out seq))
            seq = _nextSeq++;
        _seqByKey[key] = seq;
        _bySeq[seq] = doc;
    }

    public bool Remove(string name)
    {
        if (!_seqByKey.Remove(NameKey.Of(name), out var seq))
            return false;
        _bySeq.Remove(seq);
        return true;
    }

    public void Clear()
    {
        _seqByKey.Clear();
        _bySeq.Clear();
    }
}
