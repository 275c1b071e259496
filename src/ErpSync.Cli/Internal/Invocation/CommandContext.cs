using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Logging;
using Serilog.Events;

namespace ErpSync.Cli.Internal.Invocation;

/// <summary>What a command body gets: the parse result, the host, the output and configuration on demand.</summary>
internal sealed class CommandContext
{
    private CommandContext(ParseResult parseResult, ErpSyncRootCommand root)
    {
        ParseResult = parseResult;
        Host = root.Host;
        Verbose = parseResult.GetValue(root.Globals.Verbose);
        Sources = new ConfigSources(
            Host.CurrentDirectory,
            parseResult.GetValue(root.Globals.EnvFile),
            parseResult.GetValue(root.Globals.Config),
            Host.Environment);
        Output = new CliOutput(Host.Console, OutputStyles.For(Host.Console.OutIsTerminal, Host.Environment));
    }

    public ParseResult ParseResult { get; }

    public CliHost Host { get; }

    public bool Verbose { get; }

    public ConfigSources Sources { get; }

    public CliOutput Output { get; }

    public static CommandContext From(ParseResult parseResult) =>
        parseResult.RootCommandResult.Command is ErpSyncRootCommand root
            ? new CommandContext(parseResult, root)
            : throw new InvalidOperationException("ErpSync commands run under ErpSyncRootCommand.");

    /// <summary>
    /// Loads and validates the configuration, refusing it (exit 1, every problem listed) when invalid or when
    /// something in <paramref name="requirements"/> is missing. Prints warnings; registers secrets for redaction.
    /// </summary>
    public ErpSyncConfig LoadConfig(ConfigRequirements requirements)
    {
        var result = ConfigLoader.Load(Sources, requirements);
        Host.Redactor.Add(result.Config);
        foreach (var warning in result.Warnings) Output.Warning(warning);
        return result.Config;
    }

    /// <summary>
    /// Logging for this run (rolling file + standard error, secrets redacted): warnings on the console for
    /// one-shot commands, information for <c>serve</c>; <c>--verbose</c> lowers the console to debug.
    /// </summary>
    public CliLogging CreateLogging(ErpSyncConfig config, LogEventLevel consoleLevel = LogEventLevel.Warning) =>
        CliLogging.Create(config.Log, Host.Redactor, Host.Console.Error, Verbose ? LogEventLevel.Debug : consoleLevel, Verbose);
}
