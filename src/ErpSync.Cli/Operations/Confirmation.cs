using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Operations;

/// <summary>
/// The yes/no question in front of a destructive command. Asked on standard error (standard output stays
/// the command's result) and only when standard input is a terminal; a script must say <c>--yes</c>.
/// </summary>
internal static class Confirmation
{
    /// <summary>Returns when the user agreed (or passed <c>--yes</c>); otherwise throws the matching <see cref="CliException"/>.</summary>
    /// <param name="context">The run.</param>
    /// <param name="yes">Whether <c>--yes</c> was given.</param>
    /// <param name="explanation">What will happen, shown above the question.</param>
    /// <param name="question">The question, e.g. "Reset the sync state of every Customer?".</param>
    /// <param name="command">The command line to repeat with <c>--yes</c>, for the refusal message.</param>
    public static void Require(CommandContext context, bool yes, string explanation, string question, string command)
    {
        if (yes) return;
        var host = context.Host;
        if (host.Input is null || !host.InputIsTerminal)
        {
            throw CliException.Usage($"{command} changes the state database and asks for confirmation, but standard input is not a terminal; pass --yes to confirm in scripts");
        }

        context.Output.Error.WriteLine(explanation);
        context.Output.Error.Write($"{question} [y/N] ");
        context.Output.Error.Flush();
        var answer = host.Input.ReadLine()?.Trim();
        if (answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase))) return;
        throw new CliException("not confirmed; nothing was changed");
    }
}
