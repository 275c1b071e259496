using System.CommandLine;
using System.CommandLine.Invocation;
using ErpSync.Cli.Commands;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli;

/// <summary>
/// The <c>erpsync</c> command line: builds the commands, parses, runs one, and maps every outcome to an exit
/// code in the single place errors are caught (0 ok, 1 failure, 2 usage, 130 interrupted).
/// </summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliHost host)
    {
        var root = new ErpSyncRootCommand(host);
        foreach (var command in CommandCatalog.Create()) root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken)
    {
        var console = host.Console;
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            var root = BuildRoot(host);
            var invocation = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
                // Program.cs owns SIGINT/SIGTERM and cancels the token; System.CommandLine must not kill the process.
                ProcessTerminationTimeout = null,
            };

            if (args.Length == 0)
            {
                await root.Parse(["--help"]).InvokeAsync(invocation, cancellationToken);
                console.Error.WriteLine("error: no command given; pick one of the commands above.");
                return ExitCodes.Usage;
            }

            var parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                UsageErrors.Write(parseResult, console.Error);
                return ExitCodes.Usage;
            }

            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("error: interrupted; work in progress was stopped safely.");
            return ExitCodes.Interrupted;
        }
        catch (CliException ex)
        {
            console.Error.WriteLine($"error: {host.Redactor.Redact(ex.Message)}");
            foreach (var line in ex.DetailLines) console.Error.WriteLine($"  {host.Redactor.Redact(line)}");
            if (verbose) WriteCauses(ex.InnerException, host, includeStack: false);
            return ex.ExitCode;
        }
        catch (Exception ex)
        {
            // Not a user error: a bug or an infrastructure failure nobody typed. One line, details on --verbose.
            console.Error.WriteLine($"error: {host.Redactor.Redact(ex.Message)}");
            if (verbose) WriteCauses(ex, host, includeStack: true);
            else console.Error.WriteLine("Run again with --verbose for details.");
            return ExitCodes.Failure;
        }
    }

    private static void WriteCauses(Exception? exception, CliHost host, bool includeStack)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            host.Console.Error.WriteLine($"  caused by {current.GetType().Name}: {host.Redactor.Redact(current.Message)}");
            if (includeStack && current.StackTrace is { } stack) host.Console.Error.WriteLine(host.Redactor.Redact(stack));
        }
    }
}
