using ErpSync.Core.Configuration;

namespace ErpSync.Cli.Configuration;

/// <summary>The configuration spellings of Core's enums (<c>LatestTimestamp</c> ↔ <c>latest_timestamp</c>).</summary>
internal static class ConfigNames
{
    public static IReadOnlyList<string> Strategies { get; } = Names<ConflictStrategy>();

    public static IReadOnlyList<string> Directions { get; } = Names<SyncDirectionRule>();

    public static IReadOnlyList<string> NamingModes { get; } = Names<NamingMode>();

    /// <summary><c>LatestTimestamp</c> → <c>latest_timestamp</c>.</summary>
    public static string ToConfig<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) chars.Add('_');
            chars.Add(char.ToLowerInvariant(name[i]));
        }

        return new string(chars.ToArray());
    }

    /// <summary>Parses the exact configuration spelling (case-insensitive).</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(ToConfig(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string[] Names<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(ToConfig).ToArray();
}
