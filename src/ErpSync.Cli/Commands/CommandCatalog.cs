using System.CommandLine;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Commands;

/// <summary>Every <c>erpsync</c> command, in the order <c>--help</c> lists them (DESIGN §1).</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create() =>
    [
        InitCommand.Create(),
        TestCommand.Create(),
        SyncCommand.Create(),
        ServeCommand.Create(),
        StatusCommand.Create(),
        ConflictsCommand.Create(),
        RetryCommand.Create(),
        SetupWebhookCommand.Create(),
        DoctorCommand.Create(),
        // EMULATOR: when Commands/EmulatorCommand.cs lands, replace the next line with `EmulatorCommand.Create(),`.
        PendingEmulatorCommand(),
        DemoCommand.Create(),
    ];

    private static Command PendingEmulatorCommand()
    {
        // Accepts any arguments so `erpsync emulator --port 8001` reports "not available" rather than a usage error.
        var command = new Command("emulator", "Run one emulated Frappe site on 127.0.0.1.") { TreatUnmatchedTokensAsErrors = false };
        return command.NotAvailableYet("the Frappe emulator (ErpSync.Emulator)");
    }
}
