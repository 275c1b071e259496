using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Tests.Support;

/// <summary>Loads the configuration of a test folder.</summary>
internal static class ConfigLoading
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    public static ConfigLoadResult Load(TempFolder folder, ConfigRequirements requirements = ConfigRequirements.All, IReadOnlyDictionary<string, string>? environment = null, string? envFile = null, string? configFile = null) =>
        ConfigLoader.Load(new ConfigSources(folder.Path, envFile, configFile, environment ?? NoEnvironment), requirements);

    public static ConfigurationException Refused(TempFolder folder, ConfigRequirements requirements = ConfigRequirements.All, IReadOnlyDictionary<string, string>? environment = null) =>
        Should.Throw<ConfigurationException>(() => Load(folder, requirements, environment));
}
