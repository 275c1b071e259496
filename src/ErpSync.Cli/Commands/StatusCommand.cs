using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Commands;

/// <summary><c>erpsync status [--json]</c>: counts, queue depth, per-DocType lag, recent operations, open conflicts.</summary>
internal static class StatusCommand
{
    public static Command Create() =>
        new Command("status", "Show tracked/synced/error/conflict counts, queue depth, per-DocType lag and recent operations.")
        {
            CommonOptions.Json(),
        }.NotAvailableYet("the state store (ErpSync.Store)", ConfigRequirements.None);
}
