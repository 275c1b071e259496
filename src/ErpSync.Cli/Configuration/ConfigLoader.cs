using ErpSync.Core.Configuration;

namespace ErpSync.Cli.Configuration;

/// <summary>
/// Loads <c>.env</c> (+ the process environment, which wins) and <c>config.yaml</c>, validates both and
/// either returns the configuration or throws <see cref="ConfigurationException"/> listing every problem.
/// </summary>
/// <remarks>
/// <c>CONFLICT_RESOLUTION</c> vs <c>sync_rules.conflict_resolution</c>: the original tool's engine read only
/// config.yaml, so config.yaml wins; the environment value applies when config.yaml does not set one, and a
/// disagreement between the two is reported as a warning.
/// </remarks>
internal static class ConfigLoader
{
    public static ConfigLoadResult Load(ConfigSources sources, ConfigRequirements requirements)
    {
        var diagnostics = new ConfigDiagnostics();
        var envFile = ReadEnvFile(sources, diagnostics);
        var env = new EnvSettingsReader(envFile, sources.Environment, sources.CurrentDirectory, diagnostics).Read(requirements);

        var configPath = sources.ConfigFilePath;
        var yaml = new YamlSettings();
        var configFound = File.Exists(configPath);
        if (configFound)
        {
            yaml = new ConfigYamlReader(configPath, diagnostics).Read(ReadText(configPath, diagnostics));
        }
        else if (sources.ConfigFile is not null || requirements.HasFlag(ConfigRequirements.SyncRules))
        {
            diagnostics.Error(new ConfigError(configPath, "", "not found",
                sources.ConfigFile is null ? "Run erpsync init to write one here, or name yours with --config PATH" : "Check the path given to --config"));
        }

        var yamlBroken = diagnostics.Errors.Any(e => e.Source == configPath);
        if (configFound && !yamlBroken && requirements.HasFlag(ConfigRequirements.SyncRules) && yaml.SyncRules.DocTypes.Count == 0)
        {
            diagnostics.Error(new ConfigError(configPath, "sync_rules.doctypes", "is empty", "List the DocTypes to keep in sync, e.g. - Customer"));
        }

        var rules = CombineStrategy(yaml, env, configPath, diagnostics);

        if (diagnostics.Errors.Count > 0) throw new ConfigurationException(diagnostics.Errors);

        var config = new ErpSyncConfig
        {
            Cloud = env.Cloud,
            Local = env.Local,
            Webhook = env.Webhook,
            Database = env.Database,
            SyncRules = rules,
            Server = yaml.Server,
            Retention = yaml.Retention,
            Alerts = yaml.Alerts,
            Log = new LogSettings(
                env.LogFile ?? yaml.LogFile ?? Path.GetFullPath(LogSettings.DefaultFile, Path.GetDirectoryName(configPath) ?? sources.CurrentDirectory),
                env.LogLevel ?? yaml.LogLevel ?? LogSettings.DefaultLevel,
                yaml.LogMaxFileBytes ?? LogSettings.DefaultMaxFileBytes,
                yaml.LogRetainedFiles ?? LogSettings.DefaultRetainedFiles,
                yaml.LogJson),
            EnvFilePath = envFile.Path,
            ConfigFilePath = configPath,
            ConfigFileFound = configFound,
        };
        return new ConfigLoadResult(config, diagnostics.Warnings);
    }

    private static EnvFile ReadEnvFile(ConfigSources sources, ConfigDiagnostics diagnostics)
    {
        var path = sources.EnvFilePath;
        if (!File.Exists(path))
        {
            if (sources.EnvFile is not null)
            {
                diagnostics.Error(new ConfigError(path, "", "not found", "Check the path given to --env-file"));
            }

            return EnvFile.Empty(path);
        }

        var parsed = EnvFile.Parse(ReadText(path, diagnostics), path);
        foreach (var error in parsed.Errors) diagnostics.Error(error);
        foreach (var warning in parsed.Warnings) diagnostics.Warn(warning);
        return parsed;
    }

    private static SyncRules CombineStrategy(YamlSettings yaml, EnvSettings env, string configPath, ConfigDiagnostics diagnostics)
    {
        if (env.ConflictResolution is not { } fromEnv) return yaml.SyncRules;
        if (!yaml.ConflictResolutionSet) return yaml.SyncRules with { ConflictResolution = fromEnv };
        if (fromEnv != yaml.SyncRules.ConflictResolution)
        {
            diagnostics.Warn($"{EnvKeys.ConflictResolution}={ConfigNames.ToConfig(fromEnv)} is overridden by sync_rules.conflict_resolution: " +
                $"{ConfigNames.ToConfig(yaml.SyncRules.ConflictResolution)} in {configPath}; remove one of them");
        }

        return yaml.SyncRules;
    }

    private static string ReadText(string path, ConfigDiagnostics diagnostics)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(new ConfigError(path, "", $"cannot be read: {ex.Message.TrimEnd('.')}", "Check the file's permissions"));
            return "";
        }
    }
}
