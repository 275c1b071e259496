using System.CommandLine;
using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Internal.Invocation;

/// <summary>Wires a command body that takes a <see cref="CommandContext"/> and returns an exit code.</summary>
internal static class CommandActions
{
    public static Command WithBody(this Command command, Func<CommandContext, CancellationToken, Task<int>> body)
    {
        command.SetAction((parseResult, cancellationToken) => body(CommandContext.From(parseResult), cancellationToken));
        return command;
    }

    /// <summary>A body for a command whose backend has not landed: parses and validates its options, then says so (exit 1).</summary>
    public static Command NotAvailableYet(this Command command, string waitingFor, ConfigRequirements? validate = null) =>
        command.WithBody((context, _) =>
        {
            // Refuse a broken configuration first: the user learns about it now, not after the next release.
            if (validate is { } requirements) context.LoadConfig(requirements);
            throw CliException.NotAvailableYet(CommandPath(context.ParseResult.CommandResult.Command, context.ParseResult), waitingFor);
        });

    private static string CommandPath(Command command, ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is RootCommand) break;
            names.Insert(0, result.Command.Name);
        }

        return names.Count > 0 ? string.Join(' ', names) : command.Name;
    }
}
