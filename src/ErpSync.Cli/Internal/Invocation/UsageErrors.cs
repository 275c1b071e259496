using System.CommandLine;
using System.CommandLine.Parsing;
using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Internal.Invocation;

/// <summary>Turns System.CommandLine's parse errors into our <c>error: …</c> lines and a pointer to <c>--help</c>.</summary>
internal static class UsageErrors
{
    public static void Write(ParseResult parseResult, TextWriter error)
    {
        var command = parseResult.CommandResult.Command;
        var path = CommandPath(parseResult.CommandResult);
        var errors = parseResult.Errors.ToList();

        // "Required command was not provided" only repeats the cause when a misspelt command is already reported.
        if (errors.Count > 1) errors.RemoveAll(e => e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal));
        foreach (var parseError in errors)
        {
            var message = parseError.Message.TrimEnd();
            error.WriteLine($"error: {message}{Hint(message, parseResult, command)}");
        }

        error.WriteLine($"Run '{path} --help' for usage.");
    }

    private static string Hint(string message, ParseResult parseResult, Command command)
    {
        // "Unrecognized command or argument 'sycn'." → suggest the closest subcommand or option.
        if (!message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)) return "";
        var token = parseResult.UnmatchedTokens.FirstOrDefault();
        if (token is null) return "";
        var candidates = token.StartsWith('-')
            ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
                .Concat(parseResult.RootCommandResult.Command.Options.Where(o => o.Recursive).Select(o => o.Name))
            : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        return Suggestions.Closest(token, candidates) is { } match ? $" Did you mean '{match}'?" : "";
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult commandResult; current = current.Parent)
        {
            names.Insert(0, commandResult.Command is RootCommand ? "erpsync" : commandResult.Command.Name);
        }

        return string.Join(' ', names);
    }
}
