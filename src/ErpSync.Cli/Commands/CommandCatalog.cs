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
        LogsCommand.Create(),
        BackupCommand.Create(),
        RestoreCommand.Create(),
        ResetCommand.Create(),
        MaintenanceCommand.Create(),
        ServiceCommand.Create(),
        EmulatorCommand.Create(),
        DemoCommand.Create(),
    ];
}
