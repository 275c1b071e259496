using System.Text;
using System.Text.RegularExpressions;

namespace ErpSync.Cli.Configuration;

/// <summary>
/// A parsed <c>.env</c> file, read without touching the process environment. Understands what python-dotenv
/// users write: <c>KEY=value</c>, <c>export KEY=value</c>, blank lines, <c># comments</c>, inline comments after
/// unquoted values (<c>KEY=value # note</c>), <c>'literal'</c> and <c>"escaped\n"</c> values (double quotes may span
/// lines). <c>${VAR}</c> is not expanded. A key set twice keeps its last value, as python-dotenv does.
/// Errors name the line but never show a value.
/// </summary>
internal sealed partial class EnvFile
{
    private EnvFile(string path, IReadOnlyDictionary<string, EnvEntry> entries, IReadOnlyList<ConfigError> errors, IReadOnlyList<string> warnings)
    {
        Path = path;
        Entries = entries;
        Errors = errors;
        Warnings = warnings;
    }

    public string Path { get; }

    /// <summary>Entries by key (case-sensitive, as the environment is on Linux).</summary>
    public IReadOnlyDictionary<string, EnvEntry> Entries { get; }

    public IReadOnlyList<ConfigError> Errors { get; }

    public IReadOnlyList<string> Warnings { get; }

    public static EnvFile Empty(string path) => new(path, new Dictionary<string, EnvEntry>(), [], []);

    public static EnvFile Parse(string text, string path)
    {
        var entries = new Dictionary<string, EnvEntry>(StringComparer.Ordinal);
        var errors = new List<ConfigError>();
        var warnings = new List<string>();
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("export ", StringComparison.Ordinal) || line.StartsWith("export\t", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add(new ConfigError(path, $"line {lineNumber}", "expected KEY=value",
                    "Write one setting per line as KEY=value, or start the line with # to make it a comment", lineNumber));
                continue;
            }

            var key = line[..equals].Trim();
            if (!KeyPattern().IsMatch(key))
            {
                // The text is not echoed: a secret pasted on a line of its own would otherwise land on the screen.
                errors.Add(new ConfigError(path, $"line {lineNumber}", "the name before '=' is not a valid variable name",
                    "Names use letters, digits and underscores and do not start with a digit", lineNumber));
                continue;
            }

            var rest = line[(equals + 1)..].TrimStart();
            string? value;
            string? problem;
            if (rest.StartsWith('"'))
            {
                (value, problem) = ReadDoubleQuoted(rest, lines, ref i);
            }
            else if (rest.StartsWith('\''))
            {
                (value, problem) = ReadSingleQuoted(rest);
            }
            else
            {
                value = StripInlineComment(rest).TrimEnd();
                problem = null;
            }

            if (problem is not null || value is null)
            {
                errors.Add(new ConfigError(path, key, problem ?? "unreadable value", "Check the quotes on that line", lineNumber));
                continue;
            }

            if (entries.TryGetValue(key, out var previous))
            {
                warnings.Add($"{path}: {key} is set on line {previous.Line} and again on line {lineNumber}; the later one is used");
            }

            entries[key] = new EnvEntry(key, value, lineNumber);
        }

        return new EnvFile(path, entries, errors, warnings);
    }

    private static (string? Value, string? Problem) ReadDoubleQuoted(string rest, string[] lines, ref int index)
    {
        var builder = new StringBuilder();
        var text = rest[1..];
        while (true)
        {
            for (var j = 0; j < text.Length; j++)
            {
                var c = text[j];
                if (c == '\\' && j + 1 < text.Length)
                {
                    j++;
                    builder.Append(text[j] switch
                    {
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        var other => other,
                    });
                    continue;
                }

                if (c == '"')
                {
                    var after = text[(j + 1)..].Trim();
                    return after.Length == 0 || after[0] == '#'
                        ? (builder.ToString(), null)
                        : (null, "unexpected text after the closing double quote");
                }

                builder.Append(c);
            }

            // No closing quote on this line: python-dotenv lets a double-quoted value continue on the next.
            if (index + 1 >= lines.Length) return (null, "the double quote is never closed");
            index++;
            builder.Append('\n');
            text = lines[index].TrimEnd('\r');
        }
    }

    private static (string? Value, string? Problem) ReadSingleQuoted(string rest)
    {
        var close = rest.IndexOf('\'', 1);
        if (close < 0) return (null, "the single quote is never closed");
        var after = rest[(close + 1)..].Trim();
        return after.Length == 0 || after[0] == '#'
            ? (rest[1..close], null)
            : (null, "unexpected text after the closing single quote");
    }

    private static string StripInlineComment(string value)
    {
        for (var j = 1; j < value.Length; j++)
        {
            if (value[j] == '#' && char.IsWhiteSpace(value[j - 1])) return value[..j];
        }

        return value;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
