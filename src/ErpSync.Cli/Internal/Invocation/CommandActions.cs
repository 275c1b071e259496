using System.CommandLine;

namespace ErpSync.Cli.Internal.Invocation;

/// <summary>Wires a command body that takes a <see cref="CommandContext"/> and returns an exit code.</summary>
internal static class CommandActions
{
    public static Command WithBody(this Command command, Func<CommandContext, CancellationToken, Task<int>> body)
    {
        command.SetAction((parseResult, cancellationToken) => body(CommandContext.From(parseResult), cancellationToken));
        return command;
    }
}
