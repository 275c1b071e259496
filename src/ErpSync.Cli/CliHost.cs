using System.Collections;
using ErpSync.Cli.Init;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Logging;

namespace ErpSync.Cli;

/// <summary>
/// Everything a run touches outside itself: streams, current folder, environment variables, clock and the
/// state-database seam. <see cref="FromProcess"/> is the real process; tests build one over a temp folder and
/// in-memory writers, so runs never share global state.
/// </summary>
internal sealed record CliHost
{
    public required CliConsole Console { get; init; }

    public required string CurrentDirectory { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Standard input, for confirmation prompts; <c>null</c> when there is none.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Whether <see cref="Input"/> is an interactive terminal (prompts are only asked there).</summary>
    public bool InputIsTerminal { get; init; }

    public IStateDatabaseInitializer StateDatabase { get; init; } = new StoreStateDatabaseInitializer(TimeProvider.System);

    /// <summary>Secrets of the loaded configuration, kept out of error lines and logs.</summary>
    public SecretRedactor Redactor { get; } = new();

    public static CliHost FromProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value) environment[key] = value;
        }

        return new CliHost
        {
            Console = CliConsole.FromProcess(),
            Input = System.Console.In,
            InputIsTerminal = !System.Console.IsInputRedirected,
            CurrentDirectory = Directory.GetCurrentDirectory(),
            Environment = environment,
        };
    }
}
