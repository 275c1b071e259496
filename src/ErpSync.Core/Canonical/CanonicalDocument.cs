using System.Text.Json.Nodes;

namespace ErpSync.Core.Canonical;

/// <summary>
/// A document's content in canonical form: <see cref="Content"/> (keys sorted, values normalised, Links in the
/// cloud's names, child rows without identity), its serialisation <see cref="Json"/> (what base snapshots and
/// conflict records store) and <see cref="Hash"/> (SHA-256 hex of <see cref="Json"/>).
/// Equal content gives equal <see cref="Json"/> on every machine and from either site.
/// </summary>
internal sealed class CanonicalDocument : IEquatable<CanonicalDocument>
{
    private readonly JsonObject _content;

    private CanonicalDocument(JsonObject content, string json)
    {
        _content = content;
        Json = json;
        Hash = CanonicalJson.Hash(json);
    }

    /// <summary>The canonical JSON text.</summary>
    public string Json { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Json"/> (UTF-8).</summary>
    public string Hash { get; }

    /// <summary>A private copy of the content, free to modify.</summary>
    public JsonObject Content => (JsonObject)_content.DeepClone();

    /// <summary>The value of <paramref name="field"/> (a copy), or <c>null</c>.</summary>
    public JsonNode? this[string field] => _content[field]?.DeepClone();

    /// <summary>Top-level field names present in the content, in ordinal order.</summary>
    public IEnumerable<string> Fields => _content.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal);

    /// <summary>
    /// Wraps content that is already canonical (produced by <see cref="Canonicalizer"/> or a merge of canonical
    /// documents); <c>null</c>-valued keys are dropped, as canonical content never holds them.
    /// </summary>
    public static CanonicalDocument FromContent(JsonObject content)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in content.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value is not null)
                copy[key] = value.DeepClone();
        }

        return new CanonicalDocument(copy, CanonicalJson.Serialize(copy));
    }

    /// <summary>Reads a stored canonical JSON text (a base snapshot or conflict record).</summary>
    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static CanonicalDocument Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new FormatException("A stored canonical snapshot is not valid JSON: " + ex.Message, ex);
        }

        return node is JsonObject obj
            ? FromContent(obj)
            : throw new FormatException("A stored canonical snapshot is not a JSON object.");
    }

    /// <inheritdoc />
    public bool Equals(CanonicalDocument? other) => other is not null && string.Equals(Json, other.Json, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CanonicalDocument);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Hash);

    /// <inheritdoc />
    public override string ToString() => Json;
}
