using System.CommandLine;
using System.Globalization;

namespace ErpSync.Cli.Internal.Invocation;

/// <summary>Options several commands share, with the parsing messages users see on a mistake (exit 2).</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write the result as one JSON document on standard output (shapes: src/ErpSync.Cli/README.md).",
    };

    public static Option<string?> DocType(string description) => new("--doctype")
    {
        Description = description,
        HelpName = "DocType",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
            if (text.Length > 0) return text;
            result.AddError("--doctype needs a DocType name, e.g. --doctype Customer or --doctype \"Sales Order\".");
            return null;
        },
    };

    /// <summary>A whole number of at least <paramref name="minimum"/>, with a readable message otherwise.</summary>
    public static Option<int?> WholeNumber(string name, int minimum, string description, string helpName = "N") => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum)
            {
                return value;
            }

            result.AddError($"{name} must be a whole number of at least {minimum}, got '{text}'.");
            return null;
        },
    };

    /// <summary>A value from a fixed set, with one readable line when it is anything else.</summary>
    public static Option<string> Choice(string name, IReadOnlyList<string> choices, string description, string? defaultValue = null)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                var match = choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                if (match is not null) return match;
                var hint = Configuration.Suggestions.Closest(text, choices) is { } close ? $" Did you mean '{close}'?" : "";
                result.AddError($"{name} must be {string.Join(", ", choices.Take(choices.Count - 1))} or {choices[^1]}, got '{text}'.{hint}");
                return null!;
            },
        };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary>A conflict's id as shown by <c>erpsync conflicts list</c>.</summary>
    public static Argument<long> ConflictId() => new("ID")
    {
        Description = "The conflict's number, as shown by 'erpsync conflicts list'.",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (long.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
            result.AddError($"'{text}' is not a conflict number; 'erpsync conflicts list' shows them.");
            return 0;
        },
    };
}
