using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Commands;

/// <summary><c>erpsync serve</c> (alias <c>webhook</c>, the original tool's name): the long-running server.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the server: webhook intake, queue workers, sweep, health, status, metrics and dashboard.");
        command.Aliases.Add("webhook");
        return command.NotAvailableYet("the server (ErpSync.Server)", ConfigRequirements.All);
    }
}
