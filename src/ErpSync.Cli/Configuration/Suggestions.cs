namespace ErpSync.Cli.Configuration;

/// <summary>"Did you mean …?" for misspelt keys and values: the closest candidate by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="input"/>, or <c>null</c> when none is plausibly meant.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var normalizedInput = Normalize(input);
        foreach (var candidate in candidates)
        {
            var normalized = Normalize(candidate);
            if (normalized == normalizedInput) return candidate;
            var distance = Distance(normalizedInput, normalized);
            if (normalized.StartsWith(normalizedInput, StringComparison.Ordinal) && normalizedInput.Length >= 4) distance = Math.Min(distance, 1);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        var allowed = Math.Max(2, normalizedInput.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary><c> (did you mean 'x'?)</c>, or empty.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } match ? $"Did you mean '{match}'?" : "";

    // Case, hyphens and spaces are the commonest slips (Conflict-Resolution, cloud wins): they cost nothing.
    private static string Normalize(string text) =>
        text.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
