using System.Text.Json.Nodes;

namespace ErpSync.Core.Merging;

/// <summary>A value changed on both sides to different values (canonical values; <c>null</c> = absent or removed).</summary>
/// <param name="Path">
/// <c>field</c>; for keyed tables <c>table[key].field</c> (row changed on both sides), <c>table[key]</c>
/// (row removed on one side and changed on the other, or added on both with different content), or
/// <c>table(order)</c> (rows reordered differently on both sides).
/// </param>
/// <param name="Base">Value at the last agreement.</param>
/// <param name="Cloud">Cloud's value.</param>
/// <param name="Local">Local's value.</param>
internal sealed record FieldConflict(string Path, JsonNode? Base, JsonNode? Cloud, JsonNode? Local);
