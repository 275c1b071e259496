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
}
