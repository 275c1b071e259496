using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Merging;

namespace ErpSync.Core.Changes;

/// <summary>
/// Pairs the rows a table should have with the rows the target holds, so a write keeps the target's own row
/// names (row identity) where a row continues. Keyed tables pair by row key. Other tables pair identical rows
/// first (in order), then the remaining rows by position — so inserting a line does not rewrite every line below.
/// </summary>
internal static class RowMatcher
{
    /// <summary>For each desired row, the index of its target row, or -1 for a new row.</summary>
    public static int[] Match(IReadOnlyList<JsonObject> desired, IReadOnlyList<JsonObject> target, IReadOnlyList<string>? keyFields)
    {
        var result = Enumerable.Repeat(-1, desired.Count).ToArray();
        if (keyFields is { Count: > 0 })
        {
            var targetKeys = RowKeys.Of(target, keyFields);
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var j = 0; j < targetKeys.Count; j++)
                byKey[targetKeys[j]] = j;
            var desiredKeys = RowKeys.Of(desired, keyFields);
            for (var i = 0; i < desired.Count; i++)
                result[i] = byKey.TryGetValue(desiredKeys[i], out var j) ? j : -1;
            return result;
        }

        var used = new bool[target.Count];
        var targetJson = target.Select(r => CanonicalJson.Serialize(r)).ToArray();
        for (var i = 0; i < desired.Count; i++)
        {
            var json = CanonicalJson.Serialize(desired[i]);
            for (var j = 0; j < target.Count; j++)
            {
                if (!used[j] && string.Equals(targetJson[j], json, StringComparison.Ordinal))
                {
                    used[j] = true;
                    result[i] = j;
                    break;
                }
            }
        }

        var freeTargets = new Queue<int>(Enumerable.Range(0, target.Count).Where(j => !used[j]));
        for (var i = 0; i < desired.Count && freeTargets.Count > 0; i++)
        {
            if (result[i] < 0)
                result[i] = freeTargets.Dequeue();
        }

        return result;
    }
}
