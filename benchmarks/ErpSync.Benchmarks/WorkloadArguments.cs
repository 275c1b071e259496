using System.Globalization;

namespace ErpSync.Benchmarks;

/// <summary><c>--name value</c> options after the workload name; unknown or malformed ones are refused.</summary>
internal sealed class WorkloadArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public WorkloadArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Expected '--option value', got '{list[i]}'.");
            // A switch (e.g. --quick) is an option followed by another option or by nothing.
            _values[list[i][2..]] = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "";
        }
    }

    public string Text(string name, string fallback)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var value) ? value : fallback;
    }

    public string? OptionalText(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    /// <summary>A switch such as <c>--quick</c>: present or not.</summary>
    public bool Flag(string name)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var value) && value is "" or "true" or "1";
    }

    public int Integer(string name, int fallback)
    {
        _used.Add(name);
        if (!_values.TryGetValue(name, out var value))
            return fallback;
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"--{name} must be a positive whole number, not '{value}'.");
    }

    /// <summary>Call after reading every option: a misspelt option must not silently run the defaults.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }
}
