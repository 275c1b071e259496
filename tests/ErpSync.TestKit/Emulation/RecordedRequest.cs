using System.Text;

namespace ErpSync.TestKit.Emulation;

/// <summary>One HTTP request as it arrived on the wire: headers in arrival order and the raw body bytes.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, DateTimeOffset At)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>First header of that name (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
