using System.Text.RegularExpressions;
using ErpSync.Core.Configuration;
using YamlDotNet.RepresentationModel;

namespace ErpSync.Cli.Configuration;

/// <summary>Reads <c>sync_rules</c> onto Core's <see cref="SyncRules"/> and <see cref="DocTypeRule"/>.</summary>
internal sealed partial class SyncRulesYamlReader
{
    private const string Path = "sync_rules";
    private readonly YamlNodeReader reader;

    public SyncRulesYamlReader(YamlNodeReader reader) => this.reader = reader;

    public (SyncRules Rules, bool StrategySet) Read(YamlNode? node)
    {
        var defaults = new SyncRules();
        if (reader.Mapping(node, Path) is not { } map) return (defaults, false);
        var e = reader.Entries(map, Path, YamlKeys.SyncRules);

        var docTypes = reader.StringList(e.GetValueOrDefault("doctypes"), $"{Path}.doctypes") ?? [];
        var strategy = reader.Enum<ConflictStrategy>(e.GetValueOrDefault("conflict_resolution"), $"{Path}.conflict_resolution", "conflict strategy");
        var fallback = ReadFallback(e.GetValueOrDefault("merge_fallback"), $"{Path}.merge_fallback");
        var rules = new SyncRules
        {
            DocTypes = docTypes,
            ExcludeFields = reader.StringList(e.GetValueOrDefault("exclude_fields"), $"{Path}.exclude_fields", CheckFieldName) ?? [],
            ConflictResolution = strategy ?? defaults.ConflictResolution,
            MergeFallback = fallback ?? defaults.MergeFallback,
            Retry = ReadRetry(e.GetValueOrDefault("retry")),
            BatchSize = reader.Int(e.GetValueOrDefault("batch_size"), $"{Path}.batch_size", 1, 1000, "rows per list page and documents per batch; default 100") ?? defaults.BatchSize,
            DocTypeRules = ReadDocTypeRules(e.GetValueOrDefault("doctype_rules"), docTypes),
        };
        return (rules, strategy is not null);
    }

    private ConflictStrategy? ReadFallback(YamlNode? node, string path)
    {
        var fallback = reader.Enum<ConflictStrategy>(node, path, "merge fallback");
        if (fallback != ConflictStrategy.Merge) return fallback;
        reader.Error(node, path, "merge cannot be its own fallback", "Use latest_timestamp, cloud_wins, local_wins or manual (the default)");
        return null;
    }

    private RetryRules ReadRetry(YamlNode? node)
    {
        var defaults = new RetryRules();
        if (reader.Mapping(node, $"{Path}.retry") is not { } map) return defaults;
        var e = reader.Entries(map, $"{Path}.retry", YamlKeys.Retry);
        return new RetryRules
        {
            MaxAttempts = reader.Int(e.GetValueOrDefault("max_attempts"), $"{Path}.retry.max_attempts", 1, 100, "attempts before an item is dead-lettered; default 5") ?? defaults.MaxAttempts,
            BackoffSeconds = reader.Number(e.GetValueOrDefault("backoff_seconds"), $"{Path}.retry.backoff_seconds", 0.1, 3600, "base of the exponential backoff; default 2") ?? defaults.BackoffSeconds,
        };
    }

    private Dictionary<string, DocTypeRule> ReadDocTypeRules(YamlNode? node, IReadOnlyList<string> docTypes)
    {
        var result = new Dictionary<string, DocTypeRule>(StringComparer.Ordinal);
        var rulesPath = $"{Path}.doctype_rules";
        if (reader.Mapping(node, rulesPath) is not { } map) return result;
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } docType })
            {
                reader.Error(keyNode, rulesPath, "a DocType name must be plain text", "Write the DocType's name, e.g. Sales Order:");
                continue;
            }

            var path = YamlNodeReader.Join(rulesPath, docType);
            if (!docTypes.Contains(docType, StringComparer.Ordinal))
            {
                var hint = Suggestions.DidYouMean(docType, docTypes);
                reader.Error(keyNode, path, $"'{docType}' is not in sync_rules.doctypes",
                    $"{hint} Add it to sync_rules.doctypes or remove this rule".TrimStart());
                continue;
            }

            result[docType] = ReadDocTypeRule(value, path);
        }

        return result;
    }

    private DocTypeRule ReadDocTypeRule(YamlNode node, string path)
    {
        if (reader.Mapping(node, path) is not { } map) return DocTypeRule.Empty;
        var e = reader.Entries(map, path, YamlKeys.DocTypeRule);
        var strategy = reader.Enum<ConflictStrategy>(e.GetValueOrDefault("conflict_resolution"), $"{path}.conflict_resolution", "conflict strategy");
        if (e.TryGetValue("priority", out var priorityNode))
        {
            strategy = ReadLegacyPriority(priorityNode, $"{path}.priority", strategy);
        }

        return new DocTypeRule
        {
            Direction = reader.Enum<SyncDirectionRule>(e.GetValueOrDefault("direction"), $"{path}.direction", "direction"),
            ConflictResolution = strategy,
            MergeFallback = ReadFallback(e.GetValueOrDefault("merge_fallback"), $"{path}.merge_fallback"),
            Naming = reader.Enum<NamingMode>(e.GetValueOrDefault("naming"), $"{path}.naming", "naming mode") ?? NamingMode.Auto,
            KeyFields = ReadKeyFields(e.GetValueOrDefault("key_fields"), $"{path}.key_fields"),
            ExcludeFields = reader.StringList(e.GetValueOrDefault("exclude_fields"), $"{path}.exclude_fields", CheckFieldName) ?? [],
        };
    }

    // The original tool's example wrote `priority: cloud` but never read it. Honour what the user plainly meant.
    private ConflictStrategy? ReadLegacyPriority(YamlNode node, string path, ConflictStrategy? strategy)
    {
        var text = reader.String(node, path);
        if (text is null) return strategy;
        ConflictStrategy? meant = text.ToLowerInvariant() switch
        {
            "cloud" => ConflictStrategy.CloudWins,
            "local" => ConflictStrategy.LocalWins,
            _ => null,
        };
        if (meant is null)
        {
            reader.Error(node, path, $"'{text}' is not cloud or local", "Prefer conflict_resolution: cloud_wins or local_wins");
            return strategy;
        }

        if (strategy is not null)
        {
            reader.Warn(node, path, $"ignored because conflict_resolution is set; remove priority");
            return strategy;
        }

        reader.Warn(node, path, $"'priority: {text}' is read as 'conflict_resolution: {ConfigNames.ToConfig(meant.Value)}'; write that instead");
        return meant;
    }

    private Dictionary<string, IReadOnlyList<string>> ReadKeyFields(YamlNode? node, string path)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (YamlNodeReader.IsNull(node)) return result;
        if (node is not YamlMappingNode map)
        {
            reader.Error(node, path, "expected child table fieldnames with their row keys",
                "Write one line per child table, e.g. 'items: [item_code]' (rows of items match by item_code)");
            return result;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var table = (keyNode as YamlScalarNode)?.Value ?? "";
            var tablePath = YamlNodeReader.Join(path, table);
            if (CheckFieldName(table) is { } problem)
            {
                reader.Error(keyNode, tablePath, problem, "Use the child table's fieldname, e.g. items");
                continue;
            }

            var keys = reader.StringList(value, tablePath, CheckFieldName);
            if (keys is null || keys.Count == 0)
            {
                reader.Error(value, tablePath, "names no row key", "List the field(s) that identify a row, e.g. [item_code]");
                continue;
            }

            result[table] = keys;
        }

        return result;
    }

    private static string? CheckFieldName(string name) =>
        FieldName().IsMatch(name) ? null : $"'{name}' is not a fieldname (fieldnames look like customer_name)";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex FieldName();
}
