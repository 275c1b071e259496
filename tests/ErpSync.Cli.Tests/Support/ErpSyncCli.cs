using ErpSync.Cli.Init;
using ErpSync.Cli.Internal.Output;

namespace ErpSync.Cli.Tests.Support;

/// <summary>
/// Runs the real <c>erpsync</c> entry (<see cref="CliApp.RunAsync"/>) in process, in a folder, with a given
/// environment and captured standard output and error.
/// </summary>
internal static class ErpSyncCli
{
    public static Task<CliResult> RunAsync(string folder, params string[] args) => RunAsync(folder, null, args);

    public static Task<CliResult> RunAsync(string folder, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(new CliOptions { Folder = folder, Environment = environment ?? new Dictionary<string, string>() }, args);

    public static async Task<CliResult> RunAsync(CliOptions options, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost
        {
            Console = new CliConsole(output, error, options.Terminal, options.Terminal, 120),
            CurrentDirectory = options.Folder,
            Environment = options.Environment,
            StateDatabase = options.StateDatabase ?? new StoreStateDatabaseInitializer(TimeProvider.System),
            Input = options.Input is null ? null : new StringReader(options.Input),
            InputIsTerminal = options.InputIsTerminal,
            Time = options.Time ?? TimeProvider.System,
        };
        var exitCode = await CliApp.RunAsync(args, host, options.Cancellation ?? TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
