using ErpSync.Cli.Init;

namespace ErpSync.Cli.Tests.Support;

/// <summary>How <see cref="ErpSyncCli"/> runs: folder, environment, whether the streams look like a terminal.</summary>
internal sealed record CliOptions
{
    public required string Folder { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public bool Terminal { get; init; }

    public IStateDatabaseInitializer? StateDatabase { get; init; }

    public CancellationToken? Cancellation { get; init; }

    /// <summary>What standard input holds (answers to prompts); <c>null</c> = no input.</summary>
    public string? Input { get; init; }

    /// <summary>Whether standard input looks like a terminal (prompts are only asked there).</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>The clock of the run; the system clock when <c>null</c>.</summary>
    public TimeProvider? Time { get; init; }
}
