using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ErpSync.Cli.Configuration;

/// <summary>
/// Typed reads from a YAML tree that record a <see cref="ConfigError"/> (file, line, column, key path, fix)
/// instead of throwing, so one pass reports every problem.
/// </summary>
internal sealed class YamlNodeReader
{
    private readonly string file;
    private readonly ConfigDiagnostics diagnostics;

    public YamlNodeReader(string file, ConfigDiagnostics diagnostics)
    {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    public static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
            && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public void Error(YamlNode? node, string path, string problem, string fix) =>
        diagnostics.Error(new ConfigError(file, path, problem, fix,
            node is null ? null : (int)node.Start.Line, node is null ? null : (int)node.Start.Column));

    public void Warn(YamlNode node, string path, string message) =>
        diagnostics.Warn($"{file}:{node.Start.Line}:{node.Start.Column}: {path}: {message}");

    /// <summary>The node as a mapping; <c>null</c> (and an error unless it is empty) otherwise.</summary>
    public YamlMappingNode? Mapping(YamlNode? node, string path)
    {
        if (IsNull(node)) return null;
        if (node is YamlMappingNode map) return map;
        Error(node, path, $"expected a section of 'key: value' lines, found {Describe(node!)}", "Indent the keys of this section under it");
        return null;
    }

    /// <summary>Refuses keys outside <paramref name="known"/>, suggesting the closest; returns the readable entries.</summary>
    public Dictionary<string, YamlNode> Entries(YamlMappingNode map, string path, IReadOnlyList<string> known)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, path, "a key must be plain text", "Write keys as simple words, e.g. batch_size: 100");
                continue;
            }

            var keyPath = Join(path, key);
            if (!known.Contains(key))
            {
                var hint = Suggestions.DidYouMean(key, known);
                Error(keyNode, keyPath, $"unknown key '{key}'",
                    $"{hint} Valid keys here: {string.Join(", ", known)}".TrimStart());
                continue;
            }

            result[key] = value;
        }

        return result;
    }

    public string? String(YamlNode? node, string path)
    {
        if (IsNull(node)) return null;
        if (node is YamlScalarNode { Value: { } value }) return value.Trim();
        Error(node, path, $"expected a single value, found {Describe(node!)}", "Write it on the same line as the key");
        return null;
    }

    public int? Int(YamlNode? node, string path, int min, int max, string meaning)
    {
        var text = String(node, path);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var problem = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? $"{text} is out of range"
            : $"'{text}' is not a whole number";
        Error(node, path, problem, $"Use a whole number from {min} to {max} ({meaning})");
        return null;
    }

    public long? Long(YamlNode? node, string path, long min, long max, string meaning)
    {
        var text = String(node, path);
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(node, path, $"'{text}' is not a whole number from {min} to {max}", $"Use a whole number from {min} to {max} ({meaning})");
        return null;
    }

    public double? Number(YamlNode? node, string path, double min, double max, string meaning)
    {
        var text = String(node, path);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(node, path, $"'{text}' is not a number from {min} to {max}", $"Use a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} ({meaning})");
        return null;
    }

    public TEnum? Enum<TEnum>(YamlNode? node, string path, string what)
        where TEnum : struct, Enum
    {
        var text = String(node, path);
        if (text is null) return null;
        if (ConfigNames.TryParse<TEnum>(text, out var value)) return value;
        var names = System.Enum.GetValues<TEnum>().Select(ConfigNames.ToConfig).ToArray();
        var hint = Suggestions.DidYouMean(text, names);
        Error(node, path, $"unknown {what} '{text}'", $"{hint} Use one of: {string.Join(", ", names)}".TrimStart());
        return null;
    }

    /// <summary>A list of non-empty, distinct strings; a single value counts as a list of one.</summary>
    public List<string>? StringList(YamlNode? node, string path, Func<string, string?>? validate = null)
    {
        if (IsNull(node)) return null;
        IEnumerable<YamlNode> items = node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode => [node!],
            _ => [],
        };
        if (node is YamlMappingNode)
        {
            Error(node, path, "expected a list, found a section of 'key: value' lines", "Write one item per line, each starting with '- '");
            return null;
        }

        var result = new List<string>();
        var index = 0;
        foreach (var item in items)
        {
            var itemPath = $"{path}[{index++}]";
            var text = String(item, itemPath);
            if (string.IsNullOrEmpty(text))
            {
                Error(item, itemPath, "is empty", "Remove the empty item or fill it in");
                continue;
            }

            if (validate?.Invoke(text) is { } problem)
            {
                Error(item, itemPath, problem, "Correct or remove it");
                continue;
            }

            if (result.Contains(text, StringComparer.Ordinal))
            {
                Error(item, itemPath, $"'{text}' is listed twice", "Remove the duplicate");
                continue;
            }

            result.Add(text);
        }

        return result;
    }

    /// <summary><c>a.b</c>, or <c>a['Sales Order']</c> when the key is not a plain word.</summary>
    public static string Join(string path, string key)
    {
        var plain = key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (plain) return path.Length == 0 ? key : $"{path}.{key}";
        return $"{path}['{key}']";
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a section",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "something else",
    };
}
