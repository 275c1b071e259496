using ErpSync.Core.Canonical;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Dependencies;

/// <summary>
/// Orders DocTypes by their link graph, targets first (Kahn's algorithm). Among DocTypes that are ready at the
/// same time the user's order decides. A cycle is broken deterministically: the earliest (in user order) DocType
/// that is still blocked and lies on a cycle loses its edge to the next DocType on the shortest such cycle.
/// Self-links (<c>amended_from</c>, Item <c>variant_of</c>) are not edges. Dynamic Links have no fixed target
/// and add no edge.
/// </summary>
internal static class SyncOrderPlanner
{
    /// <summary>Orders <paramref name="metas"/> (the scope, in the user's order).</summary>
    public static SyncOrder Plan(IReadOnlyList<DocTypeMeta> metas, Func<string, ContentRules>? rulesFor = null)
    {
        // Duplicate names keep their first occurrence.
        var scope = metas.DistinctBy(m => m.Name, StringComparer.Ordinal).ToList();
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var meta in scope)
            rank[meta.Name] = rank.Count;

        var edges = new Dictionary<string, SortedDictionary<string, List<string>>>(StringComparer.Ordinal);
        var outOfScope = new List<DependencyEdge>();
        foreach (var meta in scope)
        {
            var targets = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            var outside = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var site in DependencyExtractor.LinkSites(meta, rulesFor?.Invoke(meta.Name) ?? ContentRules.None))
            {
                if (site.TargetDocType is not { } target || target == meta.Name)
                    continue;
                var bucket = rank.ContainsKey(target) ? targets : outside;
                if (!bucket.TryGetValue(target, out var via))
                    bucket[target] = via = [];
                via.Add(site.Path);
            }

            edges[meta.Name] = targets;
            outOfScope.AddRange(outside.Select(p => new DependencyEdge(meta.Name, p.Key, string.Join(", ", p.Value))));
        }

        // pending[d] = in-scope DocTypes d still waits for
        var pending = edges.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value.Keys, StringComparer.Ordinal), StringComparer.Ordinal);
        var order = new List<string>();
        var broken = new List<DependencyEdge>();
        var remaining = new SortedSet<string>(pending.Keys, Comparer<string>.Create((a, b) => rank[a].CompareTo(rank[b])));
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(d => pending[d].Count == 0);
            if (ready is not null)
            {
                order.Add(ready);
                remaining.Remove(ready);
                foreach (var waiting in remaining)
                    pending[waiting].Remove(ready);
                continue;
            }

            var (from, to) = EdgeToBreak(remaining, pending);
            pending[from].Remove(to);
            broken.Add(new DependencyEdge(from, to, string.Join(", ", edges[from][to])));
        }

        return new SyncOrder(order, broken, outOfScope);
    }

    private static (string From, string To) EdgeToBreak(SortedSet<string> remaining, Dictionary<string, HashSet<string>> pending)
    {
        // Every remaining DocType waits on another, so cycles exist; break the one through the earliest DocType.
        foreach (var start in remaining)
        {
            var next = ShortestCycleSuccessor(start, remaining, pending);
            if (next is not null)
                return (start, next);
        }

        // Unreachable: a finite graph where every node has an outgoing edge has a cycle through some node.
        var first = remaining.First();
        return (first, pending[first].OrderBy(t => t, StringComparer.Ordinal).First());
    }

    private static string? ShortestCycleSuccessor(string start, SortedSet<string> remaining, Dictionary<string, HashSet<string>> pending)
    {
        // Breadth-first from start; neighbours in user order so ties resolve deterministically.
        var firstHop = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var next in remaining.Where(pending[start].Contains))
        {
            if (next == start)
                return start;
            firstHop[next] = next;
            queue.Enqueue(next);
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in remaining.Where(pending[node].Contains))
            {
                if (next == start)
                    return firstHop[node];
                if (firstHop.TryAdd(next, firstHop[node]))
                    queue.Enqueue(next);
            }
        }

        return null;
    }
}
