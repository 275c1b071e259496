using System.CommandLine;

namespace ErpSync.Cli.Internal.Invocation;

/// <summary>Options every command accepts (recursive on the root).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> EnvFile { get; } = new("--env-file")
    {
        Description = "The .env file with URLs and secrets (default: .env in the current folder).",
        HelpName = "path",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The config.yaml with the sync rules (default: config.yaml in the current folder).",
        HelpName = "path",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show details: the cause chain of an error, debug logs.",
        Recursive = true,
    };

    public IEnumerable<Option> All => [EnvFile, Config, Verbose];
}
