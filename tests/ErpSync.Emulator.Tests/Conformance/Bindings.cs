using System.Text.RegularExpressions;

namespace ErpSync.Emulator.Tests.Conformance;

/// <summary>
/// Maps values that differ by nature between the recording and the replay (timestamps, random names, the
/// webhook receiver's URL) from recorded to actual. A recorded value, once bound, must always map to the same
/// actual value — so "modified did not change" is still checked.
/// </summary>
internal sealed partial class Bindings
{
    private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);

    public static bool IsDatetime(string text) => Datetime().IsMatch(text);

    public static bool IsHash(string text) => Hash().IsMatch(text);

    public void Add(string recorded, string actual) => _map[recorded] = actual;

    /// <summary>Binds <paramref name="recorded"/> to <paramref name="actual"/>; returns an error when bound to something else.</summary>
    public string? Bind(string recorded, string actual)
    {
        if (_map.TryGetValue(recorded, out var bound))
            return bound == actual ? null : $"'{recorded}' was bound to '{bound}' earlier but is now '{actual}'";
        _map[recorded] = actual;
        // Clients also send timestamps in ISO form ('T' separator).
        if (IsDatetime(recorded))
            _map.TryAdd(recorded.Replace(' ', 'T'), actual.Replace(' ', 'T'));
        return null;
    }

    /// <summary>Replaces every bound recorded value in <paramref name="text"/> by its actual value.</summary>
    public string Apply(string text)
    {
        foreach (var (recorded, actual) in _map.OrderByDescending(e => e.Key.Length))
        {
            if (text.Contains(recorded, StringComparison.Ordinal))
                text = text.Replace(recorded, actual, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// Compares two strings that may embed timestamps (e.g. TimestampMismatchError messages): the text around
    /// the timestamps must match, the timestamps themselves are bound pairwise.
    /// </summary>
    public string? MatchText(string expected, string actual)
    {
        var applied = Apply(expected);
        if (applied == actual)
            return null;
        var expectedStamps = DatetimeInText().Matches(applied).Select(m => m.Value).ToList();
        var actualStamps = DatetimeInText().Matches(actual).Select(m => m.Value).ToList();
        if (expectedStamps.Count == 0 || expectedStamps.Count != actualStamps.Count
            || DatetimeInText().Replace(applied, "<ts>") != DatetimeInText().Replace(actual, "<ts>"))
            return $"expected \"{applied}\" but was \"{actual}\"";
        for (var i = 0; i < expectedStamps.Count; i++)
        {
            if (_map.ContainsValue(expectedStamps[i]) && expectedStamps[i] != actualStamps[i])
                return $"expected \"{applied}\" but was \"{actual}\"";
            if (!_map.ContainsValue(expectedStamps[i]) && Bind(expectedStamps[i], actualStamps[i]) is { } conflict)
                return conflict;
        }

        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$")]
    private static partial Regex Datetime();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?")]
    private static partial Regex DatetimeInText();

    [GeneratedRegex("^[0-9a-z]{10}$")]
    private static partial Regex Hash();
}
