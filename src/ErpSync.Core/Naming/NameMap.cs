using ErpSync.Core.Sites;

namespace ErpSync.Core.Naming;

/// <summary>
/// An immutable in-memory <see cref="INameMap"/>. DocTypes listed as <em>mapped</em> translate only through
/// known pairs; every other DocType — <c>same</c>-named ones and those outside the sync scope (Currency, UOM,
/// Company…, expected to exist under the same name on both sites) — translates to itself.
/// Names compare case-insensitively, as MariaDB does.
/// </summary>
internal sealed class NameMap : INameMap
{
    private readonly HashSet<string> _mappedDocTypes;
    private readonly Dictionary<(string DocType, SiteName From, string Name), string> _pairs;

    /// <summary>Creates a map; <paramref name="pairs"/> of DocTypes not in <paramref name="mappedDocTypes"/> are ignored.</summary>
    public NameMap(IEnumerable<string> mappedDocTypes, IEnumerable<NamePair>? pairs = null)
    {
        _mappedDocTypes = new HashSet<string>(mappedDocTypes, StringComparer.Ordinal);
        _pairs = new Dictionary<(string, SiteName, string), string>(KeyComparer.Instance);
        foreach (var pair in pairs ?? [])
            Add(pair);
    }

    private NameMap(NameMap source)
    {
        _mappedDocTypes = new HashSet<string>(source._mappedDocTypes, StringComparer.Ordinal);
        _pairs = new Dictionary<(string, SiteName, string), string>(source._pairs, KeyComparer.Instance);
    }

    /// <summary>A map where every name is the same on both sites.</summary>
    public static NameMap Identity { get; } = new([]);

    /// <summary>DocTypes whose names differ per site.</summary>
    public IReadOnlySet<string> MappedDocTypes => _mappedDocTypes;

    /// <inheritdoc />
    public string? Translate(string docType, string name, SiteName from)
    {
        if (!_mappedDocTypes.Contains(docType))
            return name;
        return _pairs.TryGetValue((docType, from, name), out var other) ? other : null;
    }

    /// <summary>A copy that also knows <paramref name="pair"/> (e.g. right after a dependency was created).</summary>
    public NameMap With(NamePair pair)
    {
        var copy = new NameMap(this);
        copy.Add(pair);
        return copy;
    }

    private void Add(NamePair pair)
    {
        if (!_mappedDocTypes.Contains(pair.DocType))
            return;
        _pairs[(pair.DocType, SiteName.Cloud, pair.CloudName)] = pair.LocalName;
        _pairs[(pair.DocType, SiteName.Local, pair.LocalName)] = pair.CloudName;
    }

    private sealed class KeyComparer : IEqualityComparer<(string DocType, SiteName From, string Name)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string DocType, SiteName From, string Name) x, (string DocType, SiteName From, string Name) y) =>
            x.From == y.From && string.Equals(x.DocType, y.DocType, StringComparison.Ordinal) &&
            string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string DocType, SiteName From, string Name) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.DocType), obj.From, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name));
    }
}
