using System.Collections.Concurrent;

namespace ErpSync.Emulator.Meta;

/// <summary>
/// Compiled metadata of every DocType the site knows. Read from any thread; changed only under the site
/// lock (DocType inserts and updates), each change replacing a whole <see cref="DocTypeDef"/>.
/// </summary>
internal sealed class MetaRegistry
{
    private readonly ConcurrentDictionary<string, DocTypeDef> _metas = new(StringComparer.Ordinal);
    private volatile Dictionary<string, IReadOnlyList<LinkField>>? _linksTo;

    public DocTypeDef? Find(string doctype) => _metas.GetValueOrDefault(doctype);

    public bool Exists(string doctype) => _metas.ContainsKey(doctype);

    public IEnumerable<DocTypeDef> All => _metas.Values;

    public void Register(DocTypeDef meta)
    {
        _metas[meta.Name] = meta;
        _linksTo = null;
    }

    public void Remove(string doctype)
    {
        _metas.TryRemove(doctype, out _);
        _linksTo = null;
    }

    /// <summary>Link fields (in any DocType, child tables included) whose options name <paramref name="target"/>.</summary>
    public IReadOnlyList<LinkField> LinksTo(string target)
    {
        var map = _linksTo;
        if (map is null)
        {
            map = [];
            foreach (var meta in _metas.Values)
            {
                foreach (var field in meta.DataFields.Where(f => f.IsLink && !string.IsNullOrEmpty(f.Options)))
                {
                    if (!map.TryGetValue(field.Options!, out var list))
                    {
                        list = new List<LinkField>();
                        map[field.Options!] = list;
                    }

                    ((List<LinkField>)list).Add(new LinkField(meta, field));
                }
            }

            _linksTo = map;
        }

        return map.GetValueOrDefault(target) ?? [];
    }

    /// <summary>Every Dynamic Link field (its target DocType is in the field named by its options).</summary>
    public IEnumerable<LinkField> DynamicLinks() =>
        _metas.Values.SelectMany(m => m.DataFields.Where(f => f.IsDynamicLink && !string.IsNullOrEmpty(f.Options)).Select(f => new LinkField(m, f)));
}
