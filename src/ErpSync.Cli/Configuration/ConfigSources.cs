namespace ErpSync.Cli.Configuration;

/// <summary>Where configuration comes from for one run.</summary>
/// <param name="CurrentDirectory">Folder relative paths resolve against.</param>
/// <param name="EnvFile"><c>--env-file</c> as given, or <c>null</c> for <c>.env</c> in the current folder.</param>
/// <param name="ConfigFile"><c>--config</c> as given, or <c>null</c> for <c>config.yaml</c> in the current folder.</param>
/// <param name="Environment">The process environment (it overrides <c>.env</c>).</param>
internal sealed record ConfigSources(
    string CurrentDirectory,
    string? EnvFile,
    string? ConfigFile,
    IReadOnlyDictionary<string, string> Environment)
{
    public const string DefaultEnvFile = ".env";
    public const string DefaultConfigFile = "config.yaml";

    public string EnvFilePath => Path.GetFullPath(EnvFile ?? DefaultEnvFile, CurrentDirectory);

    public string ConfigFilePath => Path.GetFullPath(ConfigFile ?? DefaultConfigFile, CurrentDirectory);
}
